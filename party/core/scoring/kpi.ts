import { type BandName, type BandSpec, bandOf, bandPoints } from "./kpi-bands";
import type { TeamRole } from "./team-role";

export type KpiCode =
  | "PNL"
  | "SPREAD_CAPTURE"
  | "QUOTE_UPTIME"
  | "VOLUME_SHARE"
  | "INVENTORY_TURNOVER"
  | "FEE_REVENUE"
  | "RETURN_ON_CAPITAL"
  | "SIGNAL_UTILISATION"
  | "DELTA_COMPLIANCE"
  | "CONVERGENCE_PNL"
  | "ROUND_TRIPS"
  | "SIGNAL_RESPONSE"
  | "PAIR_BALANCE"
  | "SHARPE"
  | "MAX_DRAWDOWN";

/**
 * One KPI of a team. Banded KPIs carry their band and points here; ranked KPIs (no bands in the spec) get points
 * from `compositeScores`, which ranks them among the teams of the same role. Points are bp (10,000 = 100).
 */
export type Kpi = {
  code: KpiCode;
  label: string;
  /** Primary role KPI, or one of the two risk KPIs (GAME.md §12.4 step 3). */
  group: "primary" | "risk";
  /** Null when it cannot be measured yet (then it is left out of the means). */
  value: number | null;
  unit: "cents" | "bp" | "milli" | "ms" | "count";
  better: "higher" | "lower";
  scoring: "band" | "rank";
  band: BandName | null;
  points: number | null;
};

export type TeamKpis = {
  teamId: string;
  role: TeamRole;
  /** False until the team has a P&L sample: no score yet. */
  measured: boolean;
  /** P&L at the last sample (cents). */
  pnlCents: number;
  /** Compliance penalties over the same range (bp of the quantitative score, ≤ 10,000). */
  penaltyBp: number;
  kpis: Kpi[];
};

/** A KPI scored on fixed bands: its band and points are known from its value alone. */
export function banded(
  code: KpiCode,
  label: string,
  group: Kpi["group"],
  value: number | null,
  unit: Kpi["unit"],
  spec: BandSpec,
): Kpi {
  const band = value === null ? null : bandOf(value, spec);
  return {
    code,
    label,
    group,
    value,
    unit,
    better: spec.better,
    scoring: "band",
    band,
    points: band === null ? null : bandPoints(band, spec),
  };
}

/** A primary KPI without bands: `compositeScores` ranks it among the role's teams. */
export function ranked(
  code: KpiCode,
  label: string,
  value: number | null,
  unit: Kpi["unit"],
  better: Kpi["better"],
): Kpi {
  return { code, label, group: "primary", value, unit, better, scoring: "rank", band: null, points: null };
}
