import { HEADLINES, type Headline, type HeadlineKind } from "./headlines";

/** Volatility regimes, in the order used by every transition matrix row and column. */
export const REGIMES = ["low", "medium", "high"] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * Parameters of the market simulation (GAME.md §9, §10, DECISIONS.md). Plain data: an instructor's overrides are a
 * spread of `DEFAULT_SIM_CONFIG`. Probabilities are in [0, 1], error sizes in basis points, times in seconds of
 * continuous-trading (session) time.
 */
export type SimConfig = {
  /** SPX at the start of the game, in ticks (cents): 440000 = $4,400.00. */
  startSpxTicks: number;
  /** One entry per regime, in `REGIMES` order; `vol` is annual. */
  regimes: { name: Regime; vol: number }[];
  initialRegime: Regime;
  /** Natural transition matrix applied once per tick, rows = from, columns = to (GAME.md §9.3). */
  transition: number[][];
  /** Transition matrix used when a news event triggers a shift (GAME.md §9.3). */
  eventTransition: number[][];
  secondsPerTick: 300;
  /** Ticks of continuous trading per session: 09:30–15:00 is 66 (DECISIONS.md). */
  sessionTicks: number;
  /** Seconds in a year's trading day for annualisation: Δt = s / (252 × this). DECISIONS.md: 330 min = 19,800. */
  annualisationSecondsPerDay: number;
  /** Programme-phase volatility multiplier (GAME.md §9.2: 0.5 weeks 1–2, 1.0 weeks 3–6, 1.2 weeks 7–8). */
  volMultiplier: number;
  /** Circuit breaker: SPX may move at most this far from its price at the start of the tick (GAME.md §9.2). */
  circuitBreakerBp: number;
  /** Mean scheduled news events per session before the minimum-gap thinning (GAME.md §9.4: ≈ 2.2). */
  newsPerSessionMean: number;
  news: {
    minGapSeconds: number;
    /** An event is forced when this much session time passes without one. */
    maxGapSeconds: number;
    /** Intraday intensity multipliers, each from a second of the session until the next entry. */
    intensity: { fromSecond: number; multiplier: number }[];
    categoryWeights: Record<HeadlineKind, number>;
    /** Jump size is lognormal around the headline's typical size with this log-sd, capped at `maxJumpBp`. */
    jumpLogSd: number;
    maxJumpBp: number;
  };
  headlines: readonly Headline[];
  /** SPY = SPX(t − lag)/10 × (1 + ε) × (1 + η) (GAME.md §9.5). */
  spy: {
    lagSeconds: number;
    /** ε: persistent tracking error, Ornstein–Uhlenbeck. */
    trackingSdBp: number;
    trackingHalfLifeSeconds: number;
    /** |ε| is clipped to this band (4 sd by default; it almost never binds). */
    maxTrackingErrorBp: number;
    /** η: short-lived noise, Ornstein–Uhlenbeck. */
    noiseSdBp: number;
    noiseHalfLifeSeconds: number;
    /** Scale ε's innovations by regime vol / 0.20 (GAME.md §9.5 option, default off). */
    regimeScaling: boolean;
  };
  hedgeFundSignal: { accuracy: number; minLeadTicks: number; maxLeadTicks: number };
  arbitrageSignal: {
    accuracy: number;
    /** A signal fires when |ε| reaches this, then at most once per tick while it stays at or above it. */
    thresholdBp: number;
    /** The signal re-arms once |ε| falls below this. */
    resetBp: number;
  };
  /** Simulated retail flow (GAME.md §9.7; DECISIONS.md: 3 accounts). */
  retail: {
    accounts: number;
    /** Mean of the Poisson number of new orders per tick, all accounts together. */
    ordersPerTick: number;
    maxPerTick: number;
    /** Per-account limit on Σ |position| over all options. */
    positionLimit: number;
    /** Per tick and non-zero position: P(close it with a market order). */
    closeProbability: number;
    sizeMean: number;
    sizeStep: number;
    maxSize: number;
    spxProbability: number;
    nearestExpiryProbability: number;
    callProbability: number;
    /** Target strike K* = S × (1 + X), X ~ N(0, strikeSd) with sd × otmCallSkew on the OTM side of calls. */
    strikeSd: number;
    otmCallSkew: number;
    otmProbability: number;
    buyProbability: number;
    marketProbability: number;
    /** Mix of limit prices (sums to 1). */
    limitMix: { aggressive: number; passive: number; far: number };
    /** Limit orders left unfilled this many ticks are cancelled by the room (GAME.md §9.7 step 6). */
    orderTtlTicks: number;
  };
};

export const DEFAULT_SIM_CONFIG: SimConfig = {
  startSpxTicks: 440_000,
  regimes: [
    { name: "low", vol: 0.1 },
    { name: "medium", vol: 0.2 },
    { name: "high", vol: 0.5 },
  ],
  initialRegime: "medium",
  transition: [
    [0.95, 0.04, 0.01],
    [0.02, 0.94, 0.04],
    [0.01, 0.09, 0.9],
  ],
  eventTransition: [
    [0, 0.7, 0.3],
    [0.1, 0, 0.9],
    [0.05, 0.85, 0.1],
  ],
  secondsPerTick: 300,
  sessionTicks: 66,
  annualisationSecondsPerDay: 19_800,
  volMultiplier: 1,
  circuitBreakerBp: 500,
  newsPerSessionMean: 2.2,
  news: {
    minGapSeconds: 1_800,
    maxGapSeconds: 21_600,
    // 09:30–12:00 × 1.5, 12:00–14:00 × 0.8, 14:00–15:00 × 1.2.
    intensity: [
      { fromSecond: 0, multiplier: 1.5 },
      { fromSecond: 9_000, multiplier: 0.8 },
      { fromSecond: 16_200, multiplier: 1.2 },
    ],
    categoryWeights: { major: 0.2, economic: 0.4, commentary: 0.3, neutral: 0.1 },
    jumpLogSd: 0.3,
    maxJumpBp: 500,
  },
  headlines: HEADLINES,
  spy: {
    lagSeconds: 5,
    trackingSdBp: 15,
    trackingHalfLifeSeconds: 2_100,
    maxTrackingErrorBp: 60,
    noiseSdBp: 5,
    noiseHalfLifeSeconds: 30,
    regimeScaling: false,
  },
  hedgeFundSignal: { accuracy: 0.66, minLeadTicks: 1, maxLeadTicks: 5 },
  arbitrageSignal: { accuracy: 0.8, thresholdBp: 15, resetBp: 7.5 },
  retail: {
    accounts: 3,
    ordersPerTick: 3,
    maxPerTick: 10,
    positionLimit: 50,
    closeProbability: 0.05,
    sizeMean: 5,
    sizeStep: 5,
    maxSize: 50,
    spxProbability: 0.5,
    nearestExpiryProbability: 0.8,
    callProbability: 0.6,
    strikeSd: 0.02,
    otmCallSkew: 1.5,
    otmProbability: 0.7,
    buyProbability: 0.5,
    marketProbability: 0.4,
    limitMix: { aggressive: 0.3, passive: 0.5, far: 0.2 },
    orderTtlTicks: 6,
  },
};
