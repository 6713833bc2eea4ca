import { BOT_API_MEMBERS, BOT_HANDLERS } from "./bot-api-members";

export type BotDiagnostic = { from: number; to: number; severity: "error" | "warning"; message: string };

const MEMBERS = new Set(BOT_API_MEMBERS.map((m) => m.name));
const HANDLERS = new Set(BOT_HANDLERS.map((h) => h.name));

/**
 * Type errors against the bot API (its one description in bot-api-members.ts, which also drives completion):
 * a `bot.` member that does not exist is an error (it would be `undefined` and throw when called); an exported
 * `on…` function that is not an event is a warning (it would never be called). Comments and strings are skipped.
 */
export function lintBot(code: string): BotDiagnostic[] {
  const out: BotDiagnostic[] = [];
  const text = blankCommentsAndStrings(code);
  for (const m of text.matchAll(/\bbot\s*\.\s*([A-Za-z_$][\w$]*)/g)) {
    const name = m[1] as string;
    if (MEMBERS.has(name)) continue;
    const from = (m.index ?? 0) + m[0].length - name.length;
    const near = [...MEMBERS].find((known) => known.toLowerCase() === name.toLowerCase());
    out.push({
      from,
      to: from + name.length,
      severity: "error",
      message: `bot.${name} does not exist${near ? ` — did you mean bot.${near}?` : ""}. The bot API has ${[...MEMBERS].join(", ")}.`,
    });
  }
  for (const m of text.matchAll(/\bexport\s+(?:async\s+)?function\s+(on[A-Z][\w$]*)/g)) {
    const name = m[1] as string;
    if (HANDLERS.has(name)) continue;
    const from = (m.index ?? 0) + m[0].length - name.length;
    out.push({
      from,
      to: from + name.length,
      severity: "warning",
      message: `${name} is not an event, so it is never called. Events: ${[...HANDLERS].join(", ")}.`,
    });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The code with comments and string contents replaced by spaces (offsets unchanged). */
function blankCommentsAndStrings(code: string): string {
  return code.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    (m) => m.replace(/[^\n]/g, " "),
  );
}
