import { COMPLIANCE } from "../core/compliance";
import { secondsToExpiry } from "../core/game-clock";
import { parseSymbol } from "../core/instruments";
import { mergeLevels } from "../core/market-data";
import { DEFAULT_SIM_CONFIG, theoTicks, yearsForSeconds } from "../core/market-sim";
import type { ClockView, Level, OpenOrder, ServerMessage, TradingCommand } from "../core/protocol";
import type { BotSandbox, DispatchResult, StopReason } from "./bot-sandbox";

/** What the host asks its room to do on the bot's behalf. */
export type HostOutput = {
  commands: TradingCommand[];
  logs: string[];
  stopped: { reason: StopReason; message: string } | null;
};

/**
 * Runs one team's bot: keeps the market view the bot API reads (books, positions, orders, clock, underlying) from
 * the room's messages, calls the bot's handlers for the events it exports, and turns the actions it returns into
 * trading commands with their own client ids. Transport-free: the live runner, a backtest and tests feed it
 * messages and time, and send its commands. `bot.theo(symbol)` is Black–Scholes at the published reference
 * volatility (20%, GAME.md §8.4) from the public underlying: the game's own values stay hidden.
 */
export class BotHost {
  readonly #books = new Map<string, { bids: Level[]; asks: Level[] }>();
  readonly #positions = new Map<string, number>();
  readonly #orders = new Map<string, OpenOrder>();
  #instruments: string[] = [];
  #clock: ClockView | null = null;
  #underlying: { spxTicks: number; spyTicks: number } | null = null;
  #started = false;
  #timerEveryMs: number | null = null;
  #nextTimerAt = 0;
  #cid = 0;
  #stopped: HostOutput["stopped"] = null;

  constructor(
    private readonly bot: BotSandbox,
    private readonly prefix = "bot",
  ) {}

  /** Feeds the messages of one frame; returns what the bot did about them. */
  receive(msgs: readonly ServerMessage[], nowMs: number): HostOutput {
    const out: HostOutput = { commands: [], logs: [], stopped: null };
    for (const m of msgs) {
      this.#apply(m);
      const event = this.#eventOf(m);
      if (event) this.#dispatch(event.name, event.payload, nowMs, out);
    }
    return out;
  }

  /** Fires `onTimer` when its period has passed (the room or the backtest calls this as time goes by). */
  tick(nowMs: number): HostOutput {
    const out: HostOutput = { commands: [], logs: [], stopped: null };
    if (this.#timerEveryMs !== null && nowMs >= this.#nextTimerAt) {
      this.#nextTimerAt = nowMs + this.#timerEveryMs;
      this.#dispatch("onTimer", { at: nowMs }, nowMs, out);
    }
    return out;
  }

  get stopped() {
    return this.#stopped;
  }

  #apply(m: ServerMessage) {
    switch (m.type) {
      case "snapshot":
        this.#instruments = m.instruments.map((i) => i.symbol);
        this.#books.clear();
        for (const b of m.books) this.#books.set(b.instrument, { bids: b.bids, asks: b.asks });
        this.#positions.clear();
        for (const p of m.positions) this.#positions.set(p.instrument, p.position);
        this.#orders.clear();
        for (const o of m.orders) this.#orders.set(o.orderId, o);
        this.#clock = m.clock;
        this.#underlying = m.underlying;
        break;
      case "book_snapshot":
        this.#books.set(m.instrument, { bids: m.bids, asks: m.asks });
        break;
      case "book_delta": {
        const book = this.#books.get(m.instrument) ?? { bids: [], asks: [] };
        this.#books.set(m.instrument, {
          bids: mergeLevels(book.bids, m.bids, "desc"),
          asks: mergeLevels(book.asks, m.asks, "asc"),
        });
        break;
      }
      case "order_resting":
        this.#orders.set(m.order.orderId, m.order);
        break;
      case "fill": {
        const order = this.#orders.get(m.orderId);
        if (order && m.remaining > 0) this.#orders.set(m.orderId, { ...order, remaining: m.remaining });
        else this.#orders.delete(m.orderId);
        break;
      }
      case "order_cancelled":
        this.#orders.delete(m.orderId);
        break;
      case "position":
        this.#positions.set(m.position.instrument, m.position.position);
        break;
      case "account":
        for (const p of m.positions) this.#positions.set(p.instrument, p.position);
        break;
      case "clock":
        this.#clock = m.clock;
        break;
      case "underlying":
        this.#underlying = { spxTicks: m.spxTicks, spyTicks: m.spyTicks };
        break;
    }
  }

  #eventOf(m: ServerMessage): { name: Parameters<BotSandbox["dispatch"]>[0]; payload: unknown } | null {
    switch (m.type) {
      case "snapshot":
        if (this.#started) return null;
        this.#started = true;
        return { name: "onStart", payload: null };
      case "book_delta":
      case "book_snapshot":
        return {
          name: "onBook",
          payload: { instrument: m.instrument, ...(this.#books.get(m.instrument) ?? {}) },
        };
      case "trade":
        return { name: "onTrade", payload: m };
      case "fill":
        return { name: "onFill", payload: m };
      case "command_result":
        return m.cid?.startsWith(`${this.prefix}-`) ? { name: "onOrderResult", payload: m } : null;
      case "news":
        return { name: "onNews", payload: m };
      case "signal":
        return { name: "onSignal", payload: m };
      case "clock":
        return { name: "onPhase", payload: m.clock };
      default:
        return null;
    }
  }

  #dispatch(name: Parameters<BotSandbox["dispatch"]>[0], payload: unknown, nowMs: number, out: HostOutput) {
    if (this.#stopped) return;
    const result: DispatchResult = this.bot.dispatch(name, this.#view(), payload);
    out.logs.push(...result.logs);
    if (!result.ok) {
      this.#stopped = { reason: result.stopped, message: result.message };
      out.stopped = this.#stopped;
      return;
    }
    for (const action of result.actions) {
      if (action.type === "set_timer") {
        this.#timerEveryMs = action.everyMs;
        this.#nextTimerAt = nowMs + action.everyMs;
        continue;
      }
      out.commands.push({ ...action, cid: `${this.prefix}-${++this.#cid}` } as TradingCommand);
    }
  }

  /** The JSON the bot API reads (party/bots/prelude.ts). */
  #view() {
    return {
      instruments: this.#instruments,
      theo: this.#theos(),
      positions: Object.fromEntries(this.#positions),
      orders: [...this.#orders.values()],
      books: Object.fromEntries(this.#books),
      clock: this.#clock
        ? { phase: this.#clock.phase, gameTime: this.#clock.gameTime, session: this.#clock.session }
        : {},
    };
  }

  #theos(): Record<string, number> {
    const theo: Record<string, number> = {};
    const spot = this.#underlying;
    const clock = this.#clock;
    if (!spot || !clock) return theo;
    for (const symbol of this.#instruments) {
      const spec = parseSymbol(symbol);
      if (!spec) continue;
      theo[symbol] = theoTicks({
        spotTicks: spec.underlying === "SPX" ? spot.spxTicks : spot.spyTicks,
        strikeTicks: spec.strikeCents,
        years: yearsForSeconds(
          DEFAULT_SIM_CONFIG,
          secondsToExpiry(spec.expiry, clock.session, clock.gameTime),
        ),
        vol: COMPLIANCE.referenceVol,
        call: spec.optionType === "call",
      });
    }
    return theo;
  }
}
