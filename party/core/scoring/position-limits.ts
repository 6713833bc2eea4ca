import type { ComplianceConfig } from "./compliance-config";

export type BreachTier = "minor" | "major" | "severe";

/** One limit over its bound: the option symbol (or "total"), the contracts held and the limit. */
export type LimitOverage = { scope: string; held: number; limit: number };

/** Scope name of the limit over all options. */
export const TOTAL_SCOPE = "total";

/**
 * Every limit the positions exceed (GAME.md §11.5): |position| per option above the per-option limit, and
 * Σ |position| above the total limit. Limits are inclusive: exactly the limit is allowed.
 */
export function overages(
  positions: Readonly<Record<string, number>>,
  limits: { perInstrument: number; total: number },
): LimitOverage[] {
  const out: LimitOverage[] = [];
  let total = 0;
  for (const symbol of Object.keys(positions).sort()) {
    const held = Math.abs(positions[symbol] ?? 0);
    total += held;
    if (held > limits.perInstrument) out.push({ scope: symbol, held, limit: limits.perInstrument });
  }
  if (total > limits.total) out.push({ scope: TOTAL_SCOPE, held: total, limit: limits.total });
  return out;
}

/** Relative overage o = (held − limit) / limit in bp, floored (for display; tiers compare exactly). */
export function overageBp(o: LimitOverage): number {
  return Math.floor(((o.held - o.limit) * 10_000) / o.limit);
}

/** Tier of an overage: o < 10 % minor, 10 % ≤ o ≤ 25 % major, o > 25 % severe (exact integer comparisons). */
export function breachTier(o: LimitOverage, tiers: ComplianceConfig["breachTiers"]): BreachTier {
  const over = (o.held - o.limit) * 10_000;
  if (over < tiers.minorBelowBp * o.limit) return "minor";
  if (over <= tiers.majorUpToBp * o.limit) return "major";
  return "severe";
}

export function tierPenaltyBp(tier: BreachTier, tiers: ComplianceConfig["breachTiers"]): number {
  return tier === "minor"
    ? tiers.minorPenaltyBp
    : tier === "major"
      ? tiers.majorPenaltyBp
      : tiers.severePenaltyBp;
}

const RANK: Record<BreachTier, number> = { minor: 0, major: 1, severe: 2 };

export function worseTier(a: BreachTier, b: BreachTier): BreachTier {
  return RANK[b] > RANK[a] ? b : a;
}
