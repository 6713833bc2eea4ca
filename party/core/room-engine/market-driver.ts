import type { Exchange, ExchangeEffects } from "../exchange";
import { SESSION_SECONDS, sessionDate } from "../game-clock";
import { parseSymbol } from "../instruments";
import {
  DEFAULT_SIM_CONFIG,
  initialSimState,
  intrinsicTicks,
  MarketSim,
  type NewsEvent,
  type RetailInstrument,
  type RetailOrder,
  type SimConfig,
  type SimState,
  theoTicks,
  yearsForSeconds,
} from "../market-sim";
import type { ServerMessage } from "../protocol";
import { RETAIL_ACCOUNTS } from "./game-market";

/** A retail order waiting for its second within the tick, or a resting one waiting for its time to live. */
type Pending = { dueSecond: number; order: RetailOrder };
type Expiring = { orderId: string; account: string; expiresAtSecond: number };

export type DriverState = {
  sim: SimState;
  pending: Pending[];
  expiring: Expiring[];
  /** Last published prices (ticks). */
  spxTicks: number;
  spyTicks: number;
};

/** What a stretch of simulated time produced, for the room engine to route. */
export type DriverOutput = {
  exchange: ExchangeEffects[];
  public: ServerMessage[];
  /** Private signals by role. */
  signals: { role: "hedge_fund" | "arbitrage_desk"; msg: ServerMessage }[];
  /** 5-minute ticks that started (marks are recorded once per tick). */
  ticks: number;
};

/** Retail limit orders are cancelled after this many seconds unfilled (GAME.md §9.7: 6 ticks). */
const RETAIL_TTL_SECONDS = 6 * 300;
export function initialDriver(seed: number, config: SimConfig = DEFAULT_SIM_CONFIG): DriverState {
  const sim = initialSimState(config, seed);
  const sample = new MarketSim(config, sim).prices();
  return { sim, pending: [], expiring: [], spxTicks: sample.spxTicks, spyTicks: sample.spyTicks };
}

/**
 * Drives the exchange from the market simulation, one second of continuous trading at a time: prices, theoretical
 * values (the exchange's marks on thin books and auction reference), retail orders through the same pipeline as
 * everyone (accounts `retail-1…`, source `sim`), news and signals. Pure: the seconds to run come from the clock.
 */
export class MarketDriver {
  readonly #sim: MarketSim;
  readonly #state: DriverState;

  readonly #config: SimConfig;

  constructor(state: DriverState, config: SimConfig = DEFAULT_SIM_CONFIG) {
    this.#config = config;
    this.#state = structuredClone(state);
    this.#sim = new MarketSim(config, this.#state.sim);
  }

  /**
   * Runs `count` seconds of session `session` (1-based) at game time `at`. `hooks.sample(seconds)` is called with
   * the seconds since the last call before every tick boundary and at the end (compliance weights what it sees by
   * them); `hooks.tick(second)` at every 5-minute boundary, with the second of the session it starts.
   */
  run(
    count: number,
    session: number,
    at: number,
    exchange: Exchange,
    hooks: { sample?: (seconds: number) => void; tick?: (second: number) => void } = {},
  ): DriverOutput {
    const out: DriverOutput = { exchange: [], public: [], signals: [], ticks: 0 };
    let unsampled = 0;
    let lastSecond = 0;
    for (let i = 0; i < count; i++) {
      const step = this.#sim.step();
      lastSecond = step.second;
      if (step.tickStarted && step.second > 1) {
        if (unsampled > 0) hooks.sample?.(unsampled);
        unsampled = 0;
        hooks.tick?.(step.second);
      }
      unsampled++;
      const s = this.#state;
      s.spxTicks = step.spxTicks;
      s.spyTicks = step.spyTicks;
      for (const news of step.news) out.public.push(newsMessage(news, at));
      if (step.signals.hedgeFund) {
        const { predictedRegime, horizonTicks, confidenceBp } = step.signals.hedgeFund;
        out.signals.push({
          role: "hedge_fund",
          msg: {
            type: "signal",
            kind: "volatility_forecast",
            payload: { predictedRegime, horizonTicks, confidenceBp },
            at,
          },
        });
      }
      if (step.signals.arbitrage) {
        const { direction, magnitudeBp, confidenceBp } = step.signals.arbitrage;
        out.signals.push({
          role: "arbitrage_desk",
          msg: {
            type: "signal",
            kind: "tracking_error",
            payload: { direction, magnitudeBp, confidenceBp },
            at,
          },
        });
      }
      if (step.tickStarted) {
        out.ticks++;
        this.#reference(exchange, session, step.second, at, out);
        this.#expireRetail(step.second, exchange, at, out);
        const plan = this.#sim.planRetail(this.#retailMarket(exchange));
        for (const order of plan) s.pending.push({ dueSecond: step.second + order.offsetSeconds, order });
      }
      this.#sendDue(step.second, exchange, at, out);
    }
    if (unsampled > 0) hooks.sample?.(unsampled);
    if (count > 0) {
      this.#reference(exchange, session, lastSecond, at, out);
      out.public.push({
        type: "underlying",
        spxTicks: this.#state.spxTicks,
        spyTicks: this.#state.spyTicks,
        at,
      });
    }
    return out;
  }

  injectNews(headline: { index: number } | { text: string }, at: number): ServerMessage {
    return newsMessage(this.#sim.injectNews(headline), at);
  }

  headlineCount(): number {
    return this.#sim.headlines().length;
  }

  /** At a session's close: every option expiring that day settles at intrinsic against the underlying's close. */
  settleExpiring(session: number, exchange: Exchange, at: number): ExchangeEffects[] {
    const date = sessionDate(session);
    this.#state.pending = [];
    this.#state.expiring = [];
    const out: ExchangeEffects[] = [];
    for (const symbol of exchange.listed()) {
      const spec = parseSymbol(symbol);
      if (!spec || spec.expiry !== date) continue;
      const spot = spec.underlying === "SPX" ? this.#state.spxTicks : this.#state.spyTicks;
      const intrinsic = intrinsicTicks({
        spotTicks: spot,
        strikeTicks: spec.strikeCents,
        call: spec.optionType === "call",
      });
      out.push(exchange.handle({ type: "settle", at, instrument: symbol, intrinsicTicks: intrinsic }));
    }
    return out;
  }

  prices(): { spxTicks: number; spyTicks: number } {
    return { spxTicks: this.#state.spxTicks, spyTicks: this.#state.spyTicks };
  }

  snapshot(): DriverState {
    return structuredClone({ ...this.#state, sim: this.#sim.snapshot() });
  }

  #reference(exchange: Exchange, session: number, second: number, at: number, out: DriverOutput) {
    const prices: Record<string, number> = {};
    const secondOfSession = (second - 1) % SESSION_SECONDS;
    for (const symbol of exchange.listed()) {
      const spec = parseSymbol(symbol);
      if (!spec) continue;
      const sessionsLeft = sessionsUntil(spec.expiry, session);
      const seconds = Math.max(0, sessionsLeft * SESSION_SECONDS + (SESSION_SECONDS - secondOfSession));
      prices[symbol] = theoTicks({
        spotTicks: spec.underlying === "SPX" ? this.#state.spxTicks : this.#state.spyTicks,
        strikeTicks: spec.strikeCents,
        years: yearsForSeconds(this.#config, seconds),
        vol: this.#sim.vol(),
        call: spec.optionType === "call",
      });
    }
    out.exchange.push(exchange.handle({ type: "set_reference", at, prices }));
  }

  #retailMarket(exchange: Exchange) {
    const listed = exchange.listed();
    const expiries = [...new Set(listed.map((s) => parseSymbol(s)?.expiry ?? ""))].sort();
    const instruments: RetailInstrument[] = [];
    for (const symbol of listed) {
      const spec = parseSymbol(symbol);
      if (!spec) continue;
      instruments.push({
        symbol,
        underlying: spec.underlying,
        strikeTicks: spec.strikeCents,
        call: spec.optionType === "call",
        expiryIndex: expiries.indexOf(spec.expiry),
      });
    }
    const positions = RETAIL_ACCOUNTS.map((account) => exchange.positions(account)?.positions ?? []);
    return {
      spxTicks: this.#state.spxTicks,
      spyTicks: this.#state.spyTicks,
      instruments,
      top: (symbol: string) => {
        const { bids, asks } = exchange.depth(symbol, 1);
        return { bid: bids[0]?.[0] ?? null, ask: asks[0]?.[0] ?? null };
      },
      theoTicks: (symbol: string) => exchange.theo(symbol) ?? exchange.mark(symbol) ?? 1,
      position: (account: number, symbol: string) =>
        positions[account]?.find((p) => p.instrument === symbol)?.position ?? 0,
      totalPosition: (account: number) =>
        (positions[account] ?? []).reduce((n, p) => n + Math.abs(p.position), 0),
    };
  }

  #sendDue(second: number, exchange: Exchange, at: number, out: DriverOutput) {
    const s = this.#state;
    if (s.pending.length === 0) return;
    const due = s.pending.filter((p) => p.dueSecond <= second);
    if (due.length === 0) return;
    s.pending = s.pending.filter((p) => p.dueSecond > second);
    for (const { order } of due) {
      const account = RETAIL_ACCOUNTS[order.account] ?? RETAIL_ACCOUNTS[0];
      const effects = exchange.handle({
        type: "place",
        at,
        account,
        cid: null,
        source: "sim",
        instrument: order.symbol,
        side: order.side,
        orderType: order.orderType,
        price: order.price ?? undefined,
        quantity: order.quantity,
        tif: "gtc",
      });
      out.exchange.push(effects);
      for (const { msg } of effects.events) {
        if (msg.type === "order_resting" && msg.order.source === "sim") {
          s.expiring.push({
            orderId: msg.order.orderId,
            account,
            expiresAtSecond: second + RETAIL_TTL_SECONDS,
          });
        }
      }
    }
  }

  #expireRetail(second: number, exchange: Exchange, at: number, out: DriverOutput) {
    const s = this.#state;
    const expired = s.expiring.filter((e) => e.expiresAtSecond <= second);
    if (expired.length === 0) return;
    s.expiring = s.expiring.filter((e) => e.expiresAtSecond > second);
    for (const e of expired) {
      out.exchange.push(
        exchange.handle({ type: "cancel", at, account: e.account, cid: null, orderId: e.orderId }),
      );
    }
  }
}

/** Whole sessions between `session` and the session on the expiry date (0 when it expires today). */
function sessionsUntil(expiry: string, session: number): number {
  for (let n = session; n < session + 40; n++) if (sessionDate(n) === expiry) return n - session;
  return 0;
}

function newsMessage(news: NewsEvent, at: number): ServerMessage {
  return { type: "news", id: news.id, headline: news.headline, at };
}
