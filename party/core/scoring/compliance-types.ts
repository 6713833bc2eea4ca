import type { TeamRole } from "./compliance-config";

/** A listed option as the monitor needs it. `theoTicks` null = unknown (then the option is required). */
export type ListedInstrument = {
  symbol: string;
  underlying: "SPX" | "SPY";
  theoTicks: number | null;
};

/**
 * A market maker's resting interest on one option: its own best bid and ask (ticks) and the contracts remaining at
 * those prices. Absent (or a side null) = nothing resting on that side.
 */
export type OwnQuote = { bid: number | null; ask: number | null; bidQty: number; askQty: number };

/** What the exchange knows about one team at a sample. */
export type TeamSample = {
  teamId: string;
  role: TeamRole;
  /** Market makers only: own best bid/ask per option symbol. */
  quotes?: Readonly<Record<string, OwnQuote>>;
  /** Net signed contracts per option symbol (long > 0). */
  positions: Readonly<Record<string, number>>;
  /**
   * Portfolio delta in thousandths of an SPX-equivalent contract delta (GAME.md §8.4: Σ q·δ·w_u with w_SPX = 1,
   * w_SPY = S_SPY / S_SPX), rounded by the caller: Δ = 53.88 → 53_880. Only the hedge fund's is checked.
   */
  deltaMilli: number;
  /**
   * Arbitrage pair exposure per leg, in any one unit (cents of notional, delta dollars, …) when the game uses
   * `arb_balance_measure: delta`; absent = gross notional Σ |q| × S × 100 from `positions` (GAME.md §11.4).
   */
  pairExposure?: { spx: number; spy: number };
};

/** One compliance sample (GAME.md §11.1): called every second of continuous trading (or batched, see `seconds`). */
export type ComplianceSample = {
  /** Game time of the sample (game-epoch ms); stamped on every breach it records. */
  atMs: number;
  /** Session number (1-based). A number different from the open session closes that session first. */
  session: number;
  /** Seconds of continuous trading this sample stands for (the seconds since the previous sample); default 1. */
  seconds?: number;
  /**
   * True for the sample taken at a 5-minute tick boundary: it counts into the closing window, then closes it;
   * the hedge fund's delta and the arbitrage pair balance are measured on it.
   */
  tickBoundary: boolean;
  /** Underlying prices in ticks (cents), for the gross notional of the pair balance. */
  spot: { spxTicks: number; spyTicks: number };
  instruments: readonly ListedInstrument[];
  teams: readonly TeamSample[];
};

export type CheckCode =
  | "MM_QUOTE_COVERAGE"
  | "MM_SESSION_UPTIME"
  | "HF_DELTA"
  | "ARB_PAIR_BALANCE"
  | "POSITION_LIMIT";

/** One check as the team and the instructor see it; `value` and `threshold` are integers in `unit`. */
export type ComplianceCheck = {
  code: CheckCode;
  label: string;
  ok: boolean;
  /** Null when nothing has been measured yet. */
  value: number | null;
  /**
   * The limit: MM value ≥ threshold; HF |value| ≤ threshold; Arb thresholdLow ≤ value ≤ threshold; positions
   * value (worst overage) ≤ threshold.
   */
  threshold: number;
  thresholdLow?: number;
  unit: "bp" | "delta_milli";
  message: string;
};

export type ComplianceStatus = {
  teamId: string;
  role: TeamRole;
  ok: boolean;
  checks: ComplianceCheck[];
  /** Penalties so far in bp of the quantitative score, capped at 10,000 (GAME.md §11.6). */
  penaltyBp: number;
};

export type BreachCode =
  | "MM_WINDOW_COVERAGE"
  | "MM_UPTIME_WARNING"
  | "MM_UPTIME_FLAG"
  | "HF_DELTA"
  | "ARB_IMBALANCE_RUN"
  | "ARB_SINGLE_LEG"
  | "ARB_PERSISTENT_IMBALANCE"
  | "POSITION_LIMIT";

/** One recorded breach. Penalties are bp of the quantitative score; informational records carry 0. */
export type Breach = {
  atMs: number;
  session: number;
  code: BreachCode;
  penaltyBp: number;
  /** The measured value (bp, or delta thousandths for HF_DELTA). */
  value: number;
  /** Position limit breaches: the option symbol or "total", the tier and when the episode ended (null = open). */
  scope?: string;
  tier?: "minor" | "major" | "severe";
  endedAtMs?: number | null;
  message: string;
};

/** Per session and team: what uptime, delta compliance and pair balance are computed from. */
export type SessionTally = {
  session: number;
  /** Σ of closed windows' coverage (bp) and their count: session uptime U = sum / windows. */
  coverageBpSum: number;
  windows: number;
  /** Tick boundaries seen and those within the role's rule (HF: |Δ| ≤ limit; Arb: in balance). */
  ticks: number;
  ticksOk: number;
  closed: boolean;
};

export type TeamCompliance = {
  role: TeamRole;
  /** Instrument-seconds quoted and required in the open window. */
  windowQuoted: number;
  windowRequired: number;
  /** Coverage of the last closed window (bp), null before the first. */
  lastWindowBp: number | null;
  /** Last values seen (any sample), for the live status. */
  liveDeltaMilli: number;
  livePair: { state: PairState; ratioBp: number | null };
  /** Arbitrage: consecutive tick boundaries out of balance; single-leg at the last boundary. */
  outOfBalanceRun: number;
  singleLeg: boolean;
  /** Position-limit episodes still open: scope → index into `breaches`. */
  openEpisodes: Record<string, number>;
  sessions: SessionTally[];
  breaches: Breach[];
};

export type PairState = "flat" | "balanced" | "unbalanced" | "single_leg";

/** The monitor's whole state: plain JSON, so the room can persist it and replay gives the same state. */
export type ComplianceState = {
  /** The open session, null between sessions. */
  session: number | null;
  /** Game time of the last sample or close (a session closed by the next one's sample is stamped with it). */
  lastAtMs: number | null;
  teams: Record<string, TeamCompliance>;
};
