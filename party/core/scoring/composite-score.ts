import type { Kpi, TeamKpis } from "./kpi";
import { rankPoints } from "./rank-points";
import { BP, roundDiv, roundFloat } from "./scoring-math";
import type { TeamRole } from "./team-role";

/** GAME.md §12.1: within the quantitative 70 %, primary KPIs 40, compliance 15, risk 15. */
export const QUANT_WEIGHTS = { primary: 40, compliance: 15, risk: 15 } as const;
/** GAME.md §12.2: the weight of each scoring period in the final score (bp). */
export const PERIOD_WEIGHTS_BP = [1_000, 2_500, 6_500] as const;

export type ScoreInput = {
  kpis: TeamKpis;
  /** The instructor's qualitative score 0–100 (DECISIONS.md "Scoring"), or null/absent when not entered. */
  qualitative?: number | null;
};

/** A team's period score and its parts, all bp (10,000 = 100 points); null before the team is measured. */
export type ScoreRow = {
  teamId: string;
  role: TeamRole;
  primaryBp: number | null;
  complianceBp: number | null;
  riskBp: number | null;
  quantitativeBp: number | null;
  qualitativeBp: number | null;
  scoreBp: number | null;
  /** The team's KPIs with the points of ranked KPIs filled in. */
  kpis: Kpi[];
};

/**
 * Period scores of all teams (GAME.md §12.4): ranked KPIs are normalised among the measured teams of the same role;
 * Primary = mean of the role's KPI points, Compliance = 100 − penalties (floor 0), Risk = mean of the Sharpe and
 * drawdown points; Quantitative = (40 P + 15 C + 15 R) / 70; score = 0.7 Q + 0.3 qualitative once the instructor
 * entered it, else Q alone (so live scores stay comparable). Rows keep the input order.
 */
export function compositeScores(teams: readonly ScoreInput[]): ScoreRow[] {
  const kpis = teams.map((t) => t.kpis.kpis.map((k) => ({ ...k })));
  const roles = [...new Set(teams.map((t) => t.kpis.role))];
  for (const role of roles) {
    const members = teams.flatMap((t, i) => (t.kpis.role === role && t.kpis.measured ? [i] : []));
    const codes = new Set(
      members.flatMap((i) => (kpis[i] ?? []).filter((k) => k.scoring === "rank").map((k) => k.code)),
    );
    for (const code of codes) {
      const cells = members.map((i) => (kpis[i] ?? []).find((k) => k.code === code));
      const points = rankPoints(
        cells.map((k) => k?.value ?? null),
        cells.find((k) => k !== undefined)?.better ?? "higher",
      );
      cells.forEach((k, j) => {
        if (k) k.points = points[j] ?? null;
      });
    }
  }
  return teams.map((t, i) => scoreRow(t, kpis[i] ?? []));
}

function scoreRow(team: ScoreInput, kpis: Kpi[]): ScoreRow {
  const { teamId, role, measured, penaltyBp } = team.kpis;
  const qualitativeBp = qualitativeToBp(team.qualitative);
  const empty = { teamId, role, kpis, qualitativeBp };
  if (!measured)
    return {
      ...empty,
      primaryBp: null,
      complianceBp: null,
      riskBp: null,
      quantitativeBp: null,
      scoreBp: null,
    };
  const primaryBp = meanPoints(kpis.filter((k) => k.group === "primary"));
  const riskBp = meanPoints(kpis.filter((k) => k.group === "risk"));
  const complianceBp = Math.max(0, BP - penaltyBp);
  const quantitativeBp =
    primaryBp === null || riskBp === null ? null : quantitativeScoreBp({ primaryBp, complianceBp, riskBp });
  return {
    ...empty,
    primaryBp,
    complianceBp,
    riskBp,
    quantitativeBp,
    scoreBp: quantitativeBp === null ? null : periodScoreBp(quantitativeBp, qualitativeBp),
  };
}

/** (40 × Primary + 15 × Compliance + 15 × Risk) / 70, rounded half up (GAME.md §12.4 step 4). */
export function quantitativeScoreBp(parts: {
  primaryBp: number;
  complianceBp: number;
  riskBp: number;
}): number {
  const w = QUANT_WEIGHTS;
  return roundDiv(
    w.primary * parts.primaryBp + w.compliance * parts.complianceBp + w.risk * parts.riskBp,
    w.primary + w.compliance + w.risk,
  );
}

/** 0.70 × quantitative + 0.30 × qualitative (GAME.md §12.4 step 5); quantitative alone without a qualitative. */
export function periodScoreBp(quantitativeBp: number, qualitativeBp: number | null): number {
  return qualitativeBp === null ? quantitativeBp : roundDiv(7 * quantitativeBp + 3 * qualitativeBp, 10);
}

/**
 * Final = 0.10 S₁ + 0.25 S₂ + 0.65 S₃ (GAME.md §12.2). A period not scored yet (null) is left out and the other
 * weights renormalised, so a running final is a score on the same scale; null when no period is scored.
 */
export function finalScoreBp(
  periods: readonly (number | null)[],
  weightsBp: readonly number[] = PERIOD_WEIGHTS_BP,
): number | null {
  let sum = 0;
  let weight = 0;
  periods.forEach((score, i) => {
    const w = weightsBp[i] ?? 0;
    if (score === null || w === 0) return;
    sum += w * score;
    weight += w;
  });
  return weight === 0 ? null : roundDiv(sum, weight);
}

/** The instructor's 0–100 as bp, clamped and rounded to 0.01 point; null stays null. */
function qualitativeToBp(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.min(BP, Math.max(0, roundFloat(value * 100)));
}

function meanPoints(kpis: readonly Kpi[]): number | null {
  const points = kpis.flatMap((k) => (k.points === null ? [] : [k.points]));
  return points.length === 0
    ? null
    : roundDiv(
        points.reduce((s, p) => s + p, 0),
        points.length,
      );
}
