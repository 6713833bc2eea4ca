/**
 * Compliance monitoring and scoring (GAME.md §11–12, DECISIONS.md "Scoring"). Pure and integer: money in cents,
 * prices in ticks, ratios, penalties and scores in bp (10,000 = 100 %), deltas in thousandths.
 *
 * How the exchange uses it, on game time:
 * 1. `new ComplianceMonitor(config?, state?)`; each second of continuous trading `monitor.sample({ atMs, session,
 *    seconds?, tickBoundary, spot, instruments, teams })` → each sampled team's `ComplianceStatus` (send it to the
 *    team and the instructor). Set `tickBoundary` on the sample at every 5-minute boundary. After fills,
 *    `monitor.checkPositions(...)`; at the close, `monitor.closeSession(atMs)`. `monitor.reducedRebate(teamId)`
 *    tells the fee schedule the maker rebate is reduced this window. Persist `monitor.snapshot()`; restore with
 *    `ComplianceMonitor.restore(state, config?)`.
 * 2. At a checkpoint (or live): per team `computeKpis({ ..., compliance: monitor.kpis(teamId, range) }, context)`,
 *    then `compositeScores(teams)` → period score rows; `finalScoreBp([s1, s2, s3])`; `leaderboard(rows)`.
 * 3. For the debrief: `attributePnl({ fills, marks, settlements })` → spread, inventory, fees, settlement.
 */
export {
  type ComplianceConfig,
  DEFAULT_COMPLIANCE_CONFIG,
  type TeamRole,
} from "./compliance-config";
export { type ComplianceKpis, ComplianceMonitor } from "./compliance-monitor";
export type {
  Breach,
  BreachCode,
  CheckCode,
  ComplianceCheck,
  ComplianceSample,
  ComplianceState,
  ComplianceStatus,
  ListedInstrument,
  OwnQuote,
  PairState,
  TeamSample,
} from "./compliance-types";
export {
  compositeScores,
  finalScoreBp,
  PERIOD_WEIGHTS_BP,
  periodScoreBp,
  QUANT_WEIGHTS,
  quantitativeScoreBp,
  type ScoreInput,
  type ScoreRow,
} from "./composite-score";
export { banded, type Kpi, type KpiCode, ranked, type TeamKpis } from "./kpi";
export {
  BANDS,
  type BandName,
  type BandSpec,
  bandOf,
  DRAWDOWN_BANDS,
  SHARPE_BANDS,
  TICK_MS,
} from "./kpi-bands";
export { type LeaderboardEntry, type LeaderboardRow, leaderboard } from "./leaderboard";
export { classifyPair, grossNotional } from "./pair-balance";
export type { PenaltyCode, PenaltySummary, SessionRange } from "./penalty-summary";
export {
  type Attribution,
  type AttributionFill,
  type AttributionInput,
  type AttributionResult,
  attributePnl,
} from "./pnl-attribution";
export { type DeltaLeg, spxEquivalentDeltaMilli } from "./portfolio-delta";
export { breachTier, overages } from "./position-limits";
export { isQuoted, ownBestQuotes, quoteCoverage } from "./quote-coverage";
export { RANK_POINTS, rankPoints } from "./rank-points";
export { maxDrawdownBp, type PnlSample, sessionPnls, sharpeMilli } from "./risk-metrics";
export { computeKpis, type KpiContext, type KpiInput, REFERENCE_CAPITAL_CENTS } from "./role-kpis";
export { attributeSignals, type KpiFill, roundTrips, type SignalEvent } from "./trade-metrics";
