"use client";

import { javascript, javascriptLanguage } from "@codemirror/lang-javascript";
import { unifiedMergeView } from "@codemirror/merge";
import { EditorState } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";
import { botCompletions } from "./bot-completions";
import { botLinter } from "./bot-linter";

/** CodeMirror 6 for bot code (TypeScript/JavaScript). `value` replaces the document when it changes from outside. */
export function CodeEditor({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: "",
        extensions: [
          basicSetup,
          javascript({ typescript: true }),
          javascriptLanguage.data.of({ autocomplete: botCompletions }),
          botLinter(),
          oneDark,
          EditorView.contentAttributes.of({ "aria-label": "Bot code" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}

/** A read-only unified diff: `previous` → `next`, changes highlighted inline. */
export function CodeDiff({ previous, next }: { previous: string; next: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: next,
        extensions: [
          basicSetup,
          javascript({ typescript: true }),
          oneDark,
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          unifiedMergeView({ original: previous, mergeControls: false }),
        ],
      }),
    });
    return () => created.destroy();
  }, [previous, next]);
  return <div ref={host} className="code-editor diff" data-testid="code-diff" />;
}
