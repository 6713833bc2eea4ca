import {
  getQuickJS,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from "quickjs-emscripten";
import { z } from "zod";
import { BOT_EVENTS, BotAction, type BotEventName } from "./bot-actions";
import { PRELUDE } from "./prelude";

export type BotBudgets = {
  /** Wall-clock budget of one callback (QuickJS is interrupted past it). */
  cpuMsPerCallback: number;
  /** Heap limit of the bot's runtime. */
  memoryBytes: number;
  /** Actions (orders, cancels, quotes) per second, measured over a sliding second. */
  actionsPerSecond: number;
  /** Log lines per second; each line is cut at `maxLogChars`. */
  logLinesPerSecond: number;
  maxLogChars: number;
};

export const DEFAULT_BUDGETS: BotBudgets = {
  cpuMsPerCallback: 50,
  memoryBytes: 16 * 1024 * 1024,
  actionsPerSecond: 40,
  logLinesPerSecond: 20,
  maxLogChars: 500,
};

export type StopReason =
  | "cpu_budget"
  | "memory_budget"
  | "action_budget"
  | "log_budget"
  | "crashed"
  | "broke_api";
export type DispatchResult =
  | { ok: true; actions: BotAction[]; logs: string[]; rejectedActions: number }
  | { ok: false; stopped: StopReason; message: string; logs: string[] };

const Outcome = z.object({ actions: z.array(z.unknown()), logs: z.array(z.string()) });

/**
 * One bot in a QuickJS WebAssembly sandbox: its own runtime (heap limit), no network or host access, each callback
 * interrupted past its CPU budget. A bot that breaks a budget, throws, or tampers with the API is stopped with a
 * reason; the host is never affected. `now` is the clock (ms) of the per-second action and log budgets.
 */
export class BotSandbox {
  #stopped: { reason: StopReason; message: string } | null = null;
  readonly #recentActions: number[] = [];
  readonly #recentLogs: number[] = [];

  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly exports: QuickJSHandle,
    private readonly begin: QuickJSHandle,
    private readonly end: QuickJSHandle,
    private readonly budgets: BotBudgets,
    private readonly now: () => number,
  ) {}

  /**
   * Loads a bot module. A syntax error or a module that throws while loading is an error, not a crash.
   * `quickjs` is the WebAssembly module to run in: by default the process's shared one (Node); the live runner
   * passes its own (workerd cannot fetch the `.wasm` itself, and a bot of its own keeps its heap to itself).
   */
  static async load(
    code: string,
    budgets: BotBudgets = DEFAULT_BUDGETS,
    now: () => number = Date.now,
    quickjs?: QuickJSWASMModule,
  ) {
    const runtime = (quickjs ?? (await getQuickJS())).newRuntime();
    runtime.setMemoryLimit(budgets.memoryBytes);
    runtime.setMaxStackSize(512 * 1024);
    const context = runtime.newContext();
    runtime.setInterruptHandler(interruptAfter(budgets.cpuMsPerCallback * 4));
    const prelude = context.evalCode(PRELUDE, "prelude.js");
    if (prelude.error) throw new Error(`bot prelude failed: ${JSON.stringify(context.dump(prelude.error))}`);
    prelude.value.dispose();
    const begin = context.getProp(context.global, "__begin");
    const end = context.getProp(context.global, "__end");
    const loaded = context.evalCode(code, "bot.js", { type: "module" });
    if (loaded.error) {
      const message = errorMessage(context.dump(loaded.error));
      loaded.error.dispose();
      begin.dispose();
      end.dispose();
      context.dispose();
      runtime.dispose();
      return { ok: false as const, message: `Your bot did not load: ${message}` };
    }
    return {
      ok: true as const,
      bot: new BotSandbox(runtime, context, loaded.value, begin, end, budgets, now),
    };
  }

  get stopped() {
    return this.#stopped;
  }

  /** The handlers the bot exports, of the known event names. */
  handlers(): BotEventName[] {
    return BOT_EVENTS.filter((name) => {
      const fn = this.context.getProp(this.exports, name);
      const isFunction = this.context.typeof(fn) === "function";
      fn.dispose();
      return isFunction;
    });
  }

  /** Runs one handler with the current view and an event payload; returns the actions it asked for. */
  dispatch(event: BotEventName, view: unknown, payload: unknown = null): DispatchResult {
    if (this.#stopped)
      return { ok: false, stopped: this.#stopped.reason, message: this.#stopped.message, logs: [] };
    const { context } = this;
    const handler = context.getProp(this.exports, event);
    try {
      if (context.typeof(handler) !== "function")
        return { ok: true, actions: [], logs: [], rejectedActions: 0 };
      // CPU budgets are real elapsed time; `now` (injectable) only drives the per-second rate windows.
      this.runtime.setInterruptHandler(interruptAfter(this.budgets.cpuMsPerCallback));
      const began = this.#call(this.begin, [JSON.stringify(view ?? {})]);
      if (began) return began;
      const called = this.#call(handler, [JSON.stringify(payload)], true);
      const ended = this.#end();
      if (called) return { ...called, logs: ended.ok ? ended.logs : [] };
      return ended;
    } finally {
      handler.dispose();
    }
  }

  dispose() {
    for (const handle of [this.exports, this.begin, this.end]) handle.alive && handle.dispose();
    this.context.dispose();
    this.runtime.dispose();
  }

  /** Calls a function in the sandbox; a failure stops the bot and is returned. */
  #call(fn: QuickJSHandle, jsonArgs: string[], parseArgs = false): DispatchResult | null {
    const { context } = this;
    const args = jsonArgs.map((json) => {
      if (!parseArgs) return context.newString(json);
      const parsed = context.evalCode(`(${json})`);
      return parsed.error ? context.undefined : parsed.value;
    });
    const botHandle = context.getProp(context.global, "bot");
    const result = context.callFunction(fn, context.undefined, ...(parseArgs ? [botHandle, ...args] : args));
    botHandle.dispose();
    for (const a of args) if (a.alive && a !== context.undefined) a.dispose();
    if (!result.error) {
      result.value.dispose();
      return null;
    }
    const dumped = context.dump(result.error);
    result.error.dispose();
    const message = errorMessage(dumped);
    if (message.includes("interrupted"))
      return this.#stop(
        "cpu_budget",
        `Stopped: a callback ran longer than ${this.budgets.cpuMsPerCallback} ms.`,
      );
    if (message.includes("out of memory"))
      return this.#stop(
        "memory_budget",
        `Stopped: the bot used more than ${this.budgets.memoryBytes / 1024 / 1024} MB.`,
      );
    return this.#stop("crashed", `Stopped: your bot threw ${message}`);
  }

  #end(): DispatchResult {
    const { context } = this;
    const result = context.callFunction(this.end, context.undefined);
    if (result.error) {
      result.error.dispose();
      return this.#stop("broke_api", "Stopped: the bot API was tampered with.");
    }
    const text = context.typeof(result.value) === "string" ? context.getString(result.value) : "";
    result.value.dispose();
    let outcome: z.infer<typeof Outcome>;
    try {
      outcome = Outcome.parse(JSON.parse(text));
    } catch {
      return this.#stop("broke_api", "Stopped: the bot API was tampered with.");
    }
    const logs = outcome.logs.map((line) => line.slice(0, this.budgets.maxLogChars));
    if (!this.#within(this.#recentLogs, logs.length, this.budgets.logLinesPerSecond)) {
      return {
        ...this.#stop(
          "log_budget",
          `Stopped: more than ${this.budgets.logLinesPerSecond} log lines a second.`,
        ),
        logs: logs.slice(0, 20),
      };
    }
    const actions = outcome.actions.flatMap((a) => {
      const parsed = BotAction.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
    if (!this.#within(this.#recentActions, actions.length, this.budgets.actionsPerSecond)) {
      return {
        ...this.#stop(
          "action_budget",
          `Stopped: more than ${this.budgets.actionsPerSecond} orders a second.`,
        ),
        logs,
      };
    }
    return { ok: true, actions, logs, rejectedActions: outcome.actions.length - actions.length };
  }

  /** Sliding one-second window: records `count` events now, false when that exceeds `limit`. */
  #within(window: number[], count: number, limit: number): boolean {
    const now = this.now();
    while (window.length > 0 && (window[0] ?? 0) <= now - 1_000) window.shift();
    for (let i = 0; i < count; i++) window.push(now);
    return window.length <= limit;
  }

  #stop(reason: StopReason, message: string): DispatchResult {
    this.#stopped = { reason, message };
    return { ok: false, stopped: reason, message, logs: [] };
  }
}

/**
 * QuickJS asks this every few thousand bytecodes. Past `ms` of wall time it interrupts; the count of asks is a
 * backstop for runtimes whose clock stands still while code runs (deployed Cloudflare Workers advance `Date.now`
 * only on I/O). Measured in Node and workerd: a bare loop asks ~14 times a millisecond, loops through native
 * callbacks (`arr.map(fn)`) as rarely as once per 2 ms. 40 asks per budgeted millisecond leaves the clock to decide
 * where it works, and still stops a runaway loop where it does not (a bare loop in ~0.15 s, the slowest in seconds).
 */
function interruptAfter(ms: number): () => boolean {
  const deadline = Date.now() + ms;
  const maxAsks = ms * 40;
  let asks = 0;
  return () => ++asks > maxAsks || Date.now() > deadline;
}

function errorMessage(dumped: unknown): string {
  if (dumped && typeof dumped === "object" && "message" in dumped) {
    const { name, message } = dumped as { name?: string; message?: string };
    return `${name ?? "Error"}: ${message ?? ""}`;
  }
  return String(dumped);
}
