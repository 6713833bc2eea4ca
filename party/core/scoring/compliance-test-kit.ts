import type { ComplianceMonitor } from "./compliance-monitor";
import type { ComplianceSample, ListedInstrument, OwnQuote, TeamSample } from "./compliance-types";

/** Shared fixtures of the compliance tests (not exported from the module). */
export const SPOT = { spxTicks: 440_000, spyTicks: 44_000 };
export const SPX_CALL = "SPX_4400_CALL_2024-02-15";
export const SPX_PUT = "SPX_4400_PUT_2024-02-15";
export const SPY_CALL = "SPY_440_CALL_2024-02-15";
export const SPY_PUT = "SPY_440_PUT_2024-02-15";
export const LISTED: ListedInstrument[] = [
  { symbol: SPX_CALL, underlying: "SPX", theoTicks: 2_550 },
  { symbol: SPX_PUT, underlying: "SPX", theoTicks: 2_450 },
  { symbol: SPY_CALL, underlying: "SPY", theoTicks: 255 },
  { symbol: SPY_PUT, underlying: "SPY", theoTicks: 245 },
];
/** Game ms of 09:30 on the first session's day, and a session's length. */
export const OPEN = 1_707_816_600_000;
export const DAY = 86_400_000;

export const tight: OwnQuote = { bid: 2_540, ask: 2_560, bidQty: 10, askQty: 10 };

/** A market maker quoting the first `n` listed options. */
export function mm(teamId: string, n: number, positions: Record<string, number> = {}): TeamSample {
  const quotes = Object.fromEntries(LISTED.slice(0, n).map((i) => [i.symbol, tight]));
  return { teamId, role: "market_maker", quotes, positions, deltaMilli: 0 };
}

export function hf(teamId: string, deltaMilli: number, positions: Record<string, number> = {}): TeamSample {
  return { teamId, role: "hedge_fund", positions, deltaMilli };
}

export function arb(teamId: string, positions: Record<string, number>): TeamSample {
  return { teamId, role: "arbitrage_desk", positions, deltaMilli: 0 };
}

/** The sample of second `t` of continuous trading (t ≥ 1) in `session`: a boundary every 300 s. */
export function at(
  t: number,
  teams: TeamSample[],
  session = 1,
  extra: Partial<ComplianceSample> = {},
): ComplianceSample {
  return {
    atMs: OPEN + (session - 1) * DAY + t * 1_000,
    session,
    tickBoundary: t % 300 === 0,
    spot: SPOT,
    instruments: LISTED,
    teams,
    ...extra,
  };
}

/** Runs seconds `from`..`to` (inclusive) with the same teams. */
export function run(monitor: ComplianceMonitor, from: number, to: number, teams: TeamSample[], session = 1) {
  for (let t = from; t <= to; t++) monitor.sample(at(t, teams, session));
}

/** One tick boundary (the sample at the end of tick `k`, 1-based) with the given teams. */
export function boundary(monitor: ComplianceMonitor, k: number, teams: TeamSample[], session = 1) {
  return monitor.sample(at(k * 300, teams, session, { seconds: 300 }));
}
