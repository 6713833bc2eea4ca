import { describe, expect, it } from "vitest";
import { lintBot } from "./bot-lint";
import { STARTER_BOTS } from "./starter-bots";

describe("lintBot", () => {
  it("finds API members that do not exist and handlers that are not events, with where they are", () => {
    const code = `export function onStart(bot) { bot.settimer(1000); bot.log("bot.nothing here"); }
export function onTick(bot) { bot.quote("X", a, b); }
// bot.commented out is fine`;
    const found = lintBot(code);
    expect(found.map((d) => [d.severity, code.slice(d.from, d.to)])).toEqual([
      ["error", "settimer"],
      ["warning", "onTick"],
    ]);
    expect(found[0]?.message).toMatch(/^bot\.settimer does not exist — did you mean bot\.setTimer\?/);
  });

  it("passes every starter bot", () => {
    for (const starter of Object.values(STARTER_BOTS)) expect(lintBot(starter.code)).toEqual([]);
  });
});
