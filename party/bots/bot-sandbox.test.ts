import { afterEach, describe, expect, it, vi } from "vitest";
import { BotSandbox, DEFAULT_BUDGETS } from "./bot-sandbox";

const loaded: BotSandbox[] = [];
afterEach(() => {
  for (const bot of loaded.splice(0)) bot.dispose();
});

async function load(code: string, budgets = DEFAULT_BUDGETS, now?: () => number) {
  const result = await BotSandbox.load(code, budgets, now);
  if (!result.ok) throw new Error(result.message);
  loaded.push(result.bot);
  return result.bot;
}

const view = {
  instruments: ["SPX_4400_CALL_2024-02-15"],
  theo: { "SPX_4400_CALL_2024-02-15": 2500 },
  positions: {},
};

describe("BotSandbox", () => {
  it("runs handlers with the bot API and returns their actions and logs", async () => {
    const bot = await load(`
      export function onStart(bot) { bot.state.n = 1; bot.setTimer(1000); bot.log("hello", { n: bot.state.n }); }
      export function onTimer(bot, event) {
        const s = bot.instruments()[0];
        const theo = bot.theo(s);
        bot.quote(s, { price: theo - 10, quantity: 10 }, { price: theo + 10, quantity: 10 });
        bot.place({ instrument: s, side: "buy", orderType: "limit", price: theo - 20, quantity: 5 });
        bot.log("tick", event.n, bot.state.n);
      }`);
    expect(bot.handlers()).toEqual(["onStart", "onTimer"]);
    expect(bot.dispatch("onStart", view)).toEqual({
      ok: true,
      actions: [{ type: "set_timer", everyMs: 1000 }],
      logs: ['hello {"n":1}'],
      rejectedActions: 0,
    });
    const timer = bot.dispatch("onTimer", view, { n: 7 });
    expect(timer).toMatchObject({
      ok: true,
      actions: [
        { type: "quote", bid: { price: 2490, quantity: 10 }, ask: { price: 2510, quantity: 10 } },
        { type: "place_order", side: "buy", price: 2480, quantity: 5, tif: "gtc" },
      ],
      logs: ["tick 7 1"],
    });
    expect(bot.dispatch("onFill", view)).toMatchObject({ ok: true, actions: [] });
  });

  it("drops malformed actions instead of passing them on", async () => {
    const bot = await load(`export function onTimer(bot) {
      bot.place({ instrument: "X", side: "buy", orderType: "limit", price: 25.5, quantity: 1 });
      bot.place({ instrument: "X", side: "up", orderType: "limit", price: 1, quantity: 1 });
      bot.place({ instrument: "X", side: "sell", orderType: "limit", price: 100, quantity: 1 });
    }`);
    expect(bot.dispatch("onTimer", view)).toMatchObject({
      ok: true,
      rejectedActions: 2,
      actions: [{ price: 100 }],
    });
  });

  it("reports a bot that does not load, without crashing", async () => {
    expect(await BotSandbox.load("export function (", DEFAULT_BUDGETS)).toMatchObject({
      ok: false,
      message: expect.stringContaining("SyntaxError"),
    });
    expect(await BotSandbox.load("throw new Error('nope')", DEFAULT_BUDGETS)).toMatchObject({
      ok: false,
      message: "Your bot did not load: Error: nope",
    });
  });

  it("stops an infinite loop at the CPU budget, and stays stopped", async () => {
    const bot = await load("export function onTimer() { for (;;) {} }");
    const started = Date.now();
    expect(bot.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "cpu_budget" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(bot.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "cpu_budget" });
  });

  it("stops an infinite loop even where the clock stands still while code runs (deployed workerd)", async () => {
    const bot = await load("export function onTimer() { for (;;) {} }");
    const frozen = vi.spyOn(Date, "now").mockReturnValue(1_700_000_000_000);
    try {
      const started = performance.now();
      expect(bot.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "cpu_budget" });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      frozen.mockRestore();
    }
  });

  it("stops a memory bomb at the heap limit", async () => {
    const bot = await load(
      "export function onTimer() { const a = []; for (;;) a.push(new Array(100000).fill(1)); }",
      { ...DEFAULT_BUDGETS, cpuMsPerCallback: 5_000 },
    );
    expect(bot.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "memory_budget" });
  });

  it("stops a bot that throws, with its message", async () => {
    const bot = await load("export function onTimer() { throw new TypeError('bad math'); }");
    expect(bot.dispatch("onTimer", view)).toMatchObject({
      ok: false,
      stopped: "crashed",
      message: "Stopped: your bot threw TypeError: bad math",
    });
  });

  it("stops order floods and log floods; cuts long log lines", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const flood = await load(
      `export function onTimer(bot) { for (let i = 0; i < 30; i++) bot.cancelAll(); }`,
      DEFAULT_BUDGETS,
      clock,
    );
    expect(flood.dispatch("onTimer", view)).toMatchObject({ ok: true });
    now += 100;
    expect(flood.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "action_budget" });

    const chatty = await load(
      `export function onTimer(bot) { bot.log("x".repeat(10000)); for (let i = 0; i < 30; i++) bot.log(i); }`,
      DEFAULT_BUDGETS,
      clock,
    );
    expect(chatty.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "log_budget" });

    const long = await load(
      `export function onTimer(bot) { bot.log("y".repeat(10000)); }`,
      DEFAULT_BUDGETS,
      clock,
    );
    const result = long.dispatch("onTimer", view);
    expect(result.ok && result.logs[0]?.length).toBe(DEFAULT_BUDGETS.maxLogChars);
    now += 2_000;
    expect(flood.dispatch("onTimer", view)).toMatchObject({ ok: false, stopped: "action_budget" });
  });

  it("offers no way out: no fetch, require, process, timers or host objects", async () => {
    const bot = await load(`export function onTimer(bot) {
      bot.log([typeof fetch, typeof require, typeof process, typeof setTimeout, typeof XMLHttpRequest, typeof WebAssembly, typeof globalThis.Deno].join(","));
      try { (0, eval)("this.constructor.constructor('return process')()"); bot.log("escaped"); } catch (e) { bot.log("blocked " + e.name); }
    }`);
    const result = bot.dispatch("onTimer", view);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.logs[0]).toBe(
      "undefined,undefined,undefined,undefined,undefined,undefined,undefined",
    );
    expect(result.ok && result.logs[1]).toMatch(/^blocked ReferenceError/);
  });

  it("survives prototype tricks against the bot API: tampering stops the bot, nothing leaks", async () => {
    const poisoned = await load(`export function onTimer(bot) {
      Array.prototype.push = function () { return 0; };
      JSON.stringify = () => "{not json";
      Object.prototype.toJSON = function () { return "pwned"; };
      bot.place({ instrument: "X", side: "buy", orderType: "market", quantity: 1 });
    }`);
    const result = poisoned.dispatch("onTimer", view);
    expect(result.ok ? result.actions : result.stopped).toSatisfy(
      (v: unknown) => v === "broke_api" || (Array.isArray(v) && v.length === 0),
    );
    const sneaky = await load(`globalThis.__end = () => '{"actions":[{"type":"cancel_all"}],"logs":[]}';
      export function onTimer(bot) { bot.log("ok"); }`);
    expect(sneaky.dispatch("onTimer", view)).toMatchObject({ ok: true, actions: [], logs: ["ok"] });
  });
});
