import type { KpiView } from "../protocol";
import {
  BANDS,
  banded,
  DRAWDOWN_BANDS,
  type Kpi,
  REFERENCE_CAPITAL_CENTS,
  ranked,
  SHARPE_BANDS,
  sharpeMilli,
  type TeamKpis,
} from "../scoring";

/** What the room knows about one team when it scores it live (running figures, no lists beyond sessions). */
export type LiveTeamFigures = {
  teamId: string;
  role: "market_maker" | "hedge_fund" | "arbitrage_desk";
  pnlCents: number;
  feesCents: number;
  penaltyBp: number;
  maxDrawdownCents: number;
  /** Net P&L of each closed session, oldest first (Sharpe needs two). */
  sessionPnlCents: readonly number[];
  /** Contracts the team traded, and contracts traded in the whole market (each trade once). */
  contracts: number;
  marketContracts: number;
  /** From `ComplianceMonitor.kpiFigures`. */
  coverageBp: number | null;
  deltaWithinBp: number | null;
  balanceBp: number | null;
};

const bp = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part * 10_000) / whole));

/**
 * The role KPIs of GAME.md §12.3 that the room measures live, as `TeamKpis` for `compositeScores` (scoring/):
 * market maker — quote uptime (banded), volume share (banded), fee revenue (ranked); hedge fund — return on
 * reference capital (banded), delta compliance (ranked); arbitrage desk — pair balance (ranked), P&L (ranked, the
 * market-neutral P&L without the β adjustment); every role — Sharpe over its closed sessions and maximum drawdown
 * (banded, the risk part). KPIs that need per-trade history (spread capture, inventory turnover, signal use,
 * convergence, signal response) are the debrief's, not the live score's.
 */
export function liveKpis(t: LiveTeamFigures): TeamKpis {
  const primary: Kpi[] =
    t.role === "market_maker"
      ? [
          banded("QUOTE_UPTIME", "Quote uptime", "primary", t.coverageBp, "bp", BANDS.quoteUptime),
          banded(
            "VOLUME_SHARE",
            "Volume share",
            "primary",
            bp(t.contracts, t.marketContracts),
            "bp",
            BANDS.volumeShare,
          ),
          ranked("FEE_REVENUE", "Fee revenue", t.feesCents, "cents", "higher"),
        ]
      : t.role === "hedge_fund"
        ? [
            banded(
              "RETURN_ON_CAPITAL",
              "Return on capital",
              "primary",
              bp(t.pnlCents, REFERENCE_CAPITAL_CENTS),
              "bp",
              BANDS.returnOnCapital,
            ),
            ranked("DELTA_COMPLIANCE", "Delta within ±50", t.deltaWithinBp, "bp", "higher"),
          ]
        : [
            ranked("PAIR_BALANCE", "Pair balance", t.balanceBp, "bp", "higher"),
            ranked("PNL", "P&L", t.pnlCents, "cents", "higher"),
          ];
  return {
    teamId: t.teamId,
    role: t.role,
    measured: true,
    pnlCents: t.pnlCents,
    penaltyBp: t.penaltyBp,
    kpis: [
      ...primary,
      banded(
        "SHARPE",
        "Sharpe (annualised)",
        "risk",
        sharpeMilli(t.sessionPnlCents),
        "milli",
        SHARPE_BANDS[t.role],
      ),
      banded(
        "MAX_DRAWDOWN",
        "Max drawdown",
        "risk",
        Math.min(10_000, Math.floor((t.maxDrawdownCents * 10_000) / REFERENCE_CAPITAL_CENTS)),
        "bp",
        DRAWDOWN_BANDS[t.role],
      ),
    ],
  };
}

/** KPIs as the wire carries them (scoring's rows hold more: group, direction, how they are scored). */
export function kpiViews(kpis: readonly Kpi[]): KpiView[] {
  return kpis.map(({ code, label, value, unit, band, points }) => ({
    code,
    label,
    value,
    unit,
    band,
    points,
  }));
}
