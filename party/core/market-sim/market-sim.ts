import { watchTrackingError } from "./arbitrage-signal";
import type { Headline } from "./headlines";
import { issueForecast } from "./hedge-fund-signal";
import { drawOutcome, type ScheduledNews, scheduleSessionNews } from "./news-schedule";
import { eventTarget, naturalTransition, regimeVol } from "./regimes";
import { planRetailTick, type RetailMarket, type RetailOrder } from "./retail-flow";
import { Rng } from "./rng";
import { clockAt, yearsForSeconds } from "./sim-clock";
import type { SimConfig } from "./sim-config";
import { type NewsEvent, type SimState, type SimStep, STREAMS, type StreamName } from "./sim-state";
import { stepSpy } from "./spy-tracking";

/**
 * The seeded market simulation (GAME.md §9–10): SPX by GBM with Markov volatility regimes, scheduled and injected
 * news (regime shifts, jumps), SPY through its tracking model, the hedge-fund and arbitrage signals, and the random
 * streams for retail flow. Time is an input: each `step()` is one second of continuous trading. Owns its state.
 */
export class MarketSim {
  readonly #config: SimConfig;
  readonly #state: SimState;
  readonly #rng: Record<StreamName, Rng>;

  constructor(config: SimConfig, state: SimState) {
    this.#config = config;
    this.#state = structuredClone(state);
    this.#rng = Object.fromEntries(
      (Object.keys(STREAMS) as StreamName[]).map((name) => [name, new Rng(state.rng[name])]),
    ) as Record<StreamName, Rng>;
  }

  /** Advances one simulation step = 1 second of continuous-trading game time (prices move only in continuous trading). */
  step(): SimStep {
    const config = this.#config;
    const s = this.#state;
    s.second += 1;
    const clock = clockAt(config, s.second);
    if (clock.sessionStarted) this.#scheduleSession();
    if (clock.tickStarted) {
      if (clock.tick > 0) {
        // Always draw, so a news-imposed regime never shifts the regime stream (GAME.md §9.3: it replaces the draw).
        const natural = naturalTransition(config, s.regime, this.#rng.regime);
        s.regime = s.pendingRegime ?? natural;
        s.pendingRegime = null;
      }
      s.tickOpenSpx = s.spx;
    }
    for (const event of s.news.scheduled)
      if (event.resolved === null && event.issueSecond <= s.second)
        s.hedgeFundOutbox.push(issueForecast(config, this.#rng.hedgeFund, event, s.regime, s.second));

    const vol = regimeVol(config, s.regime);
    const dt = yearsForSeconds(config, 1);
    s.spx *= Math.exp(-0.5 * vol * vol * dt + vol * Math.sqrt(dt) * this.#rng.price.normal());

    const news: NewsEvent[] = [];
    while (s.news.scheduled[0] && s.news.scheduled[0].second <= s.second) {
      const event = s.news.scheduled.shift() as ScheduledNews;
      news.push(this.#publish(event));
    }
    this.#clip();

    s.spyTicks = stepSpy(config, this.#rng.spy, s.spy, s.spx, vol);
    const arbitrage = watchTrackingError(
      config,
      this.#rng.arbitrage,
      s.arbitrage,
      s.spy.trackingError,
      clock.tick,
    );
    return {
      second: s.second,
      spxTicks: Math.round(s.spx),
      spyTicks: s.spyTicks,
      regime: s.regime,
      tickStarted: clock.tickStarted,
      tick: clock.tick,
      session: clock.session,
      news,
      signals: { hedgeFund: s.hedgeFundOutbox.shift() ?? null, arbitrage },
    };
  }

  /**
   * Instructor news now: an index into the headline table (its outcome drawn from a stream of its own, so the
   * price path's randomness is unchanged; a jump applies at once, a shift at the next tick boundary) or custom
   * text (no effect). No forecast precedes injected news.
   */
  injectNews(headline: { index: number } | { text: string }): NewsEvent {
    const s = this.#state;
    s.news.injected += 1;
    const id = `inject-${s.news.injected}`;
    if ("text" in headline)
      return {
        id,
        headline: headline.text,
        second: s.second,
        kind: "custom",
        regimeShift: null,
        jumpBp: 0,
        headlineIndex: null,
      };
    const entry = this.#config.headlines[headline.index];
    if (!entry) throw new RangeError(`no headline at index ${headline.index}`);
    const outcome = drawOutcome(this.#config, this.#rng.inject, headline.index);
    const target = outcome.shift ? eventTarget(this.#config, s.regime, outcome.targetU) : null;
    return this.#apply({ id, entry, headlineIndex: headline.index, target, jumpBp: outcome.jumpBp });
  }

  headlines(): readonly Headline[] {
    return this.#config.headlines;
  }

  /** The true current annual vol (regime vol × multiplier), for theoretical values. */
  vol(): number {
    return regimeVol(this.#config, this.#state.regime);
  }

  /** The true persistent SPY tracking error ε in basis points (hidden; what the arbitrage signal reports on). */
  trackingErrorBp(): number {
    return this.#state.spy.trackingError * 10_000;
  }

  /** Current published prices in ticks. */
  prices(): { spxTicks: number; spyTicks: number } {
    return { spxTicks: Math.round(this.#state.spx), spyTicks: this.#state.spyTicks };
  }

  /** One tick's retail orders (GAME.md §9.7) from the simulation's own retail stream; call at each tick start. */
  planRetail(market: RetailMarket): RetailOrder[] {
    return planRetailTick(this.#config, this.#rng.retail, market);
  }

  snapshot(): SimState {
    const rng = Object.fromEntries(
      (Object.keys(STREAMS) as StreamName[]).map((name) => [name, this.#rng[name].state()]),
    ) as SimState["rng"];
    return structuredClone({ ...this.#state, rng });
  }

  #scheduleSession(): void {
    const news = this.#state.news;
    const drawn = scheduleSessionNews(this.#config, this.#rng.news, {
      sessionStartSecond: this.#state.second,
      lastNewsSecond: news.lastNewsSecond,
      sequence: news.sequence,
    });
    news.scheduled.push(...drawn.events);
    news.lastNewsSecond = drawn.lastNewsSecond;
    news.sequence = drawn.sequence;
  }

  #publish(event: ScheduledNews): NewsEvent {
    const entry = this.#config.headlines[event.headlineIndex];
    if (!entry || !event.resolved)
      throw new Error(`news ${event.id} published before its forecast was resolved`);
    const { target } = event.resolved;
    return this.#apply({
      id: event.id,
      entry,
      headlineIndex: event.headlineIndex,
      target,
      jumpBp: event.jumpBp,
    });
  }

  #apply(e: {
    id: string;
    entry: Headline;
    headlineIndex: number;
    target: NewsEvent["regimeShift"];
    jumpBp: number;
  }): NewsEvent {
    const s = this.#state;
    if (e.target !== null) s.pendingRegime = e.target;
    if (e.jumpBp !== 0) {
      s.spx *= 1 + e.jumpBp / 10_000;
      this.#clip();
    }
    return {
      id: e.id,
      headline: e.entry.headline,
      second: s.second,
      kind: e.entry.kind,
      regimeShift: e.target,
      jumpBp: e.jumpBp,
      headlineIndex: e.headlineIndex,
    };
  }

  /** Circuit breaker (GAME.md §9.2 [proposed]): SPX stays within ±circuitBreakerBp of the tick's opening price. */
  #clip(): void {
    const s = this.#state;
    const band = this.#config.circuitBreakerBp / 10_000;
    s.spx = Math.min(s.tickOpenSpx * (1 + band), Math.max(s.tickOpenSpx * (1 - band), s.spx));
  }
}
