import type { ComplianceConfig } from "./compliance-config";
import type { BreachCode, SessionTally, TeamCompliance } from "./compliance-types";
import { BP } from "./scoring-math";

/** Sessions a score covers (GAME.md §12.2 periods); both ends inclusive, absent = open. */
export type SessionRange = { fromSession?: number; toSession?: number };

export type PenaltyCode =
  | Exclude<BreachCode, "MM_WINDOW_COVERAGE" | "MM_UPTIME_WARNING" | "MM_UPTIME_FLAG">
  | "MM_UPTIME_BAND";

/** GAME.md §11.6 for one team: each violation with its count and bp, and the total capped at 100 %. */
export type PenaltySummary = {
  items: { code: PenaltyCode; label: string; count: number; penaltyBp: number }[];
  /** Σ items, never above 10,000 (the score never goes below 0). */
  totalBp: number;
};

const LABELS: Record<PenaltyCode, string> = {
  MM_UPTIME_BAND: "Quote uptime band",
  HF_DELTA: "Delta outside the limit (per tick)",
  ARB_IMBALANCE_RUN: "Out of balance > 5 consecutive ticks",
  ARB_SINGLE_LEG: "Single-leg exposure",
  ARB_PERSISTENT_IMBALANCE: "Persistent imbalance (session)",
  POSITION_LIMIT: "Position limit breach",
};

export function inRange(session: number, range: SessionRange | undefined): boolean {
  return (
    (range?.fromSession === undefined || session >= range.fromSession) &&
    (range?.toSession === undefined || session <= range.toSession)
  );
}

/** Mean window coverage over the range's windows (bp, floored); null before any window closed. */
export function uptimeBp(tallies: readonly SessionTally[], range?: SessionRange): number | null {
  let sum = 0;
  let windows = 0;
  for (const t of tallies)
    if (inRange(t.session, range)) {
      sum += t.coverageBpSum;
      windows += t.windows;
    }
  return windows === 0 ? null : Math.floor(sum / windows);
}

/** Ticks within the role's rule / ticks (bp, floored); null before any tick boundary. */
export function ticksOkBp(tallies: readonly SessionTally[], range?: SessionRange): number | null {
  let ticks = 0;
  let ok = 0;
  for (const t of tallies)
    if (inRange(t.session, range)) {
      ticks += t.ticks;
      ok += t.ticksOk;
    }
  return ticks === 0 ? null : Math.floor((ok * BP) / ticks);
}

/** The uptime band's penalty: the first band whose minimum the uptime reaches, else the severe penalty. */
export function uptimeBandPenaltyBp(uptime: number, rules: ComplianceConfig["marketMaker"]): number {
  for (const band of rules.uptimeBands) if (uptime >= band.minBp) return band.penaltyBp;
  return rules.severePenaltyBp;
}

/** Penalties of one team over a session range. Market makers' uptime band is measured over the same range. */
export function penaltySummary(
  team: TeamCompliance,
  config: ComplianceConfig,
  range?: SessionRange,
): PenaltySummary {
  const byCode = new Map<PenaltyCode, { count: number; penaltyBp: number }>();
  const add = (code: PenaltyCode, bp: number) => {
    const item = byCode.get(code) ?? { count: 0, penaltyBp: 0 };
    item.count++;
    item.penaltyBp += bp;
    byCode.set(code, item);
  };
  if (team.role === "market_maker") {
    const uptime = uptimeBp(team.sessions, range);
    if (uptime !== null) {
      const bp = uptimeBandPenaltyBp(uptime, config.marketMaker);
      if (bp > 0) add("MM_UPTIME_BAND", bp);
    }
  }
  for (const b of team.breaches) {
    if (b.penaltyBp === 0 || !inRange(b.session, range)) continue;
    if (b.code === "MM_WINDOW_COVERAGE" || b.code === "MM_UPTIME_WARNING" || b.code === "MM_UPTIME_FLAG")
      continue;
    add(b.code, b.penaltyBp);
  }
  const items = [...byCode].map(([code, v]) => ({ code, label: LABELS[code], ...v }));
  items.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const total = items.reduce((sum, i) => sum + i.penaltyBp, 0);
  return { items, totalBp: Math.min(BP, total) };
}
