/**
 * Scoring (GAME.md §12, DECISIONS.md "Scoring"). Pure and integer: money in cents, ratios, points and scores in bp
 * (10,000 = 100 points). Compliance itself is measured live by `party/core/compliance/`.
 *
 * - Live (the room): `party/core/room-engine/live-kpis.ts` builds each team's KPIs with `banded`/`ranked` and the
 *   bands here; `compositeScores(teams)` ranks the unbanded ones within each role and scores every team.
 * - From full records (a checkpoint or the debrief): per team `computeKpis(input, context)` adds the per-trade KPIs
 *   (spread capture, turnover, signal use, convergence, signal response), then `compositeScores`,
 *   `finalScoreBp([s1, s2, s3])`, `leaderboard(rows)`; `attributePnl(...)` splits P&L for the debrief.
 */
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
export {
  type Attribution,
  type AttributionFill,
  type AttributionInput,
  type AttributionResult,
  attributePnl,
} from "./pnl-attribution";
export { RANK_POINTS, rankPoints } from "./rank-points";
export { maxDrawdownBp, type PnlSample, sessionPnls, sharpeMilli } from "./risk-metrics";
export { computeKpis, type KpiContext, type KpiInput, REFERENCE_CAPITAL_CENTS } from "./role-kpis";
export type { TeamRole } from "./team-role";
export { attributeSignals, type KpiFill, roundTrips, type SignalEvent } from "./trade-metrics";
