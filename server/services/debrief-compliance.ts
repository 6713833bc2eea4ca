import type { GameRecord } from "@/party/core/protocol";

type ComplianceRecord = Extract<GameRecord, { kind: "compliance" }>;

/** What the debrief reads of one compliance record (one team, one 5-minute tick). */
export type DebriefComplianceTick = Pick<
  ComplianceRecord,
  "at" | "penaltyBp" | "coverageBp" | "delta" | "spxNotionalCents" | "spyNotionalCents" | "checks"
>;

/**
 * A team's compliance at one tick, as the room judged it: the role's check (ok, its value as the team saw it), the
 * penalties so far, and the figures to chart — the window's quote coverage (bp), the delta (SPX-equivalent
 * contracts), the SPX/SPY notional ratio (bp; null when flat or single-leg).
 */
export type CompliancePoint = {
  at: number;
  ok: boolean;
  value: string;
  penaltyBp: number;
  coverageBp: number | null;
  delta: number;
  ratioBp: number | null;
  singleLeg: boolean;
};

export type ComplianceBreach = { at: number; code: string; value: string; message?: string };

/**
 * The compliance history of a team from the room's records (GAME.md §11), oldest first, with every tick where a
 * check failed as a breach. Market makers' failed windows come from their coverage (one per window under 80%), so
 * their uptime check (a session mean) is not listed again.
 */
export function complianceHistory(ticks: readonly DebriefComplianceTick[]): {
  points: CompliancePoint[];
  breaches: ComplianceBreach[];
} {
  const points: CompliancePoint[] = [];
  const breaches: ComplianceBreach[] = [];
  for (const t of ticks) {
    const spx = t.spxNotionalCents;
    const spy = t.spyNotionalCents;
    const singleLeg = (spx === 0) !== (spy === 0);
    const check = t.checks[0];
    points.push({
      at: t.at,
      ok: t.checks.every((c) => c.ok),
      value: check?.value ?? "",
      penaltyBp: t.penaltyBp,
      coverageBp: t.coverageBp,
      delta: t.delta,
      ratioBp: spx === 0 || spy === 0 ? null : Math.floor((spx * 10_000) / spy),
      singleLeg,
    });
    for (const c of t.checks) {
      if (c.ok || c.code === "MM_QUOTE_COVERAGE") continue;
      breaches.push({ at: t.at, code: c.code, value: c.value, message: c.message });
    }
  }
  return { points, breaches };
}
