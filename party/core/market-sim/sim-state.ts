import { type ArbitrageSignal, type ArbitrageWatch, INITIAL_ARBITRAGE_WATCH } from "./arbitrage-signal";
import type { HeadlineKind } from "./headlines";
import type { HedgeFundSignal } from "./hedge-fund-signal";
import type { ScheduledNews } from "./news-schedule";
import { Rng, type RngState } from "./rng";
import type { Regime, SimConfig } from "./sim-config";
import { initialSpyState, type SpyState } from "./spy-tracking";

/** A published news event. `regimeShift`/`jumpBp` are its hidden outcome: the room publishes only the headline. */
export type NewsEvent = {
  readonly id: string;
  readonly headline: string;
  /** Simulation second of publication (for injected news: the last second stepped). */
  readonly second: number;
  /** The headline's category, or "custom" for instructor text. */
  readonly kind: HeadlineKind | "custom";
  /** The regime imposed at the next tick boundary (may equal the current one), null if none. */
  readonly regimeShift: Regime | null;
  /** The signed SPX jump applied at publication, in basis points; 0 for none. */
  readonly jumpBp: number;
  /** Index into the headline table, null for custom text. */
  readonly headlineIndex: number | null;
};

/** What one second of continuous trading produced. Prices are integer ticks (cents). */
export type SimStep = {
  /** Continuous-trading seconds since the game began: 1, 2, 3… */
  readonly second: number;
  readonly spxTicks: number;
  readonly spyTicks: number;
  /** The hidden regime in force during this second. */
  readonly regime: Regime;
  /** True on the first second of each 5-minute tick. */
  readonly tickStarted: boolean;
  /** 0-based tick index since the game began (66 per session by default). */
  readonly tick: number;
  /** 0-based session index. */
  readonly session: number;
  readonly news: readonly NewsEvent[];
  readonly signals: {
    readonly hedgeFund: HedgeFundSignal | null;
    readonly arbitrage: ArbitrageSignal | null;
  };
};

/** Independent random streams: one part drawing more numbers never shifts another part. */
export const STREAMS = {
  price: 1,
  regime: 2,
  news: 3,
  hedgeFund: 4,
  arbitrage: 5,
  spy: 6,
  retail: 7,
  inject: 8,
} as const;
export type StreamName = keyof typeof STREAMS;

/**
 * Everything the simulation needs to continue, as JSON-safe plain data: snapshot → JSON → restore replays
 * bit-for-bit. Owned and mutated only by `MarketSim` (which works on its own copy).
 */
export type SimState = {
  readonly version: 1;
  readonly seed: number;
  /** The last second stepped (0 before the first step). */
  second: number;
  regime: Regime;
  /** A news-imposed regime waiting for the next tick boundary. */
  pendingRegime: Regime | null;
  /** SPX in ticks at full precision (published rounded). */
  spx: number;
  /** SPX at the start of the current tick, for the circuit breaker. */
  tickOpenSpx: number;
  spyTicks: number;
  spy: SpyState;
  rng: Record<StreamName, RngState>;
  news: {
    /** This session's events not yet published, in time order. */
    scheduled: ScheduledNews[];
    lastNewsSecond: number | null;
    sequence: number;
    injected: number;
  };
  /** Forecasts issued but not yet delivered (at most one goes out per second). */
  hedgeFundOutbox: HedgeFundSignal[];
  arbitrage: ArbitrageWatch;
};

export function initialSimState(config: SimConfig, seed: number): SimState {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const spx = config.startSpxTicks;
  const rng = Object.fromEntries(
    Object.entries(STREAMS).map(([name, stream]) => [name, Rng.fromSeed(seed, stream).state()]),
  ) as Record<StreamName, RngState>;
  return {
    version: 1,
    seed,
    second: 0,
    regime: config.initialRegime,
    pendingRegime: null,
    spx,
    tickOpenSpx: spx,
    spyTicks: Math.round(spx / 10),
    spy: initialSpyState(config, spx),
    rng,
    news: { scheduled: [], lastNewsSecond: null, sequence: 0, injected: 0 },
    hedgeFundOutbox: [],
    arbitrage: { ...INITIAL_ARBITRAGE_WATCH },
  };
}
