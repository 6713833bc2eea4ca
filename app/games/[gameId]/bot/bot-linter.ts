import { syntaxTree } from "@codemirror/language";
import { type Diagnostic, linter, lintGutter } from "@codemirror/lint";
import { lintBot } from "@/party/core/bot-api";

/** Red squiggles as you type: syntax errors from the parser, and type errors against the bot API. */
export function botLinter() {
  return [
    lintGutter(),
    linter(
      (view) => {
        const diagnostics: Diagnostic[] = [];
        syntaxTree(view.state).iterate({
          enter: (node) => {
            if (!node.type.isError) return;
            diagnostics.push({
              from: node.from,
              to: Math.max(node.to, Math.min(view.state.doc.length, node.from + 1)),
              severity: "error",
              message: "Syntax error here.",
            });
          },
        });
        for (const d of lintBot(view.state.doc.toString())) diagnostics.push(d);
        return diagnostics;
      },
      { delay: 400 },
    ),
  ];
}
