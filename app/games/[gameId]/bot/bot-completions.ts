import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { BOT_API_MEMBERS, BOT_HANDLERS } from "@/party/core/bot-api";

/** Completes `bot.` members with their signatures and docs, and handler names at the start of an export. */
export function botCompletions(context: CompletionContext): CompletionResult | null {
  const member = context.matchBefore(/bot\.\w*/);
  if (member) {
    return {
      from: member.from + 4,
      options: BOT_API_MEMBERS.map((m) => ({
        label: m.name,
        type: m.kind === "read" ? "property" : "method",
        detail: m.signature,
        info: m.doc,
      })),
    };
  }
  const handler = context.matchBefore(/export function \w*/);
  if (handler) {
    const word = context.matchBefore(/\w*/);
    return {
      from: word?.from ?? context.pos,
      options: BOT_HANDLERS.map((h) => ({
        label: h.name,
        type: "function",
        detail: "(bot, event)",
        info: h.doc,
      })),
    };
  }
  return null;
}
