import { DEFAULT_ROLE_LIMITS } from "../risk";

/** The three team roles that are monitored and scored (retail is simulated and never scored). */
export type TeamRole = "market_maker" | "hedge_fund" | "arbitrage_desk";

/**
 * Compliance thresholds and penalties (GAME.md §11, DECISIONS.md). Ratios and penalties are bp (of the
 * quantitative score for penalties), prices ticks, deltas thousandths of an SPX-equivalent contract delta.
 * Every number is a default an instructor may change.
 */
export type ComplianceConfig = {
  marketMaker: {
    /** Quoted if at least this many contracts rest on each side at the team's own best bid and ask. */
    minQuoteSize: number;
    /** Spread allowed: ask − bid ≤ max(maxSpreadBpOfMid of mid, minMaxSpreadTicks). */
    maxSpreadBpOfMid: number;
    minMaxSpreadTicks: number;
    /** Options whose theoretical value is below this (ticks) are not required. */
    exemptBelowTheoTicks: number;
    /** A window under this coverage lowers the maker rebate in the next window (GAME.md §7). */
    windowMinBp: number;
    /** Session uptime under these: a warning, then flagged to the instructor (no score penalty of their own). */
    warnBelowBp: number;
    flagBelowBp: number;
    /**
     * Uptime bands (GAME.md §11.2, §11.6 "graduated: score bands"): uptime ≥ minBp costs penaltyBp of the
     * quantitative score; the first band reached applies, highest first; below the last band, `severePenaltyBp`.
     */
    uptimeBands: readonly { minBp: number; penaltyBp: number }[];
    severePenaltyBp: number;
  };
  hedgeFund: {
    /** |Δ| above this at a tick boundary is a breach tick (±50 SPX-equivalent deltas, as thousandths). */
    deltaLimitMilli: number;
    breachTickPenaltyBp: number;
  };
  arbitrage: {
    /** V_SPX / V_SPY within [minRatioBp, maxRatioBp] is in balance (the 2:1 rule). */
    minRatioBp: number;
    maxRatioBp: number;
    /** Within [wellMinRatioBp, wellMaxRatioBp] is well balanced (reported, no penalty of its own). */
    wellMinRatioBp: number;
    wellMaxRatioBp: number;
    /** More than this many consecutive tick boundaries out of balance: imbalancePenaltyBp once per run. */
    maxConsecutiveTicks: number;
    imbalancePenaltyBp: number;
    /** One leg only at a tick boundary: singleLegPenaltyBp once per episode. */
    singleLegPenaltyBp: number;
    /** More than persistentShareBp of a session's ticks out of balance: persistentPenaltyBp for that session. */
    persistentShareBp: number;
    persistentPenaltyBp: number;
  };
  /** Position limits (contracts) per role, per option and over all options (GAME.md §4.2). */
  positionLimits: Record<TeamRole, { perInstrument: number; total: number }>;
  /**
   * Position-breach tiers by overage o = (|position| − limit) / limit (GAME.md §11.5): o < minorBelowBp → minor,
   * o ≤ majorUpToBp → major, above → severe.
   */
  breachTiers: {
    minorBelowBp: number;
    majorUpToBp: number;
    minorPenaltyBp: number;
    majorPenaltyBp: number;
    severePenaltyBp: number;
  };
};

export const DEFAULT_COMPLIANCE_CONFIG: ComplianceConfig = {
  marketMaker: {
    minQuoteSize: 10,
    maxSpreadBpOfMid: 1_000,
    minMaxSpreadTicks: 5,
    exemptBelowTheoTicks: 5,
    windowMinBp: 8_000,
    warnBelowBp: 7_000,
    flagBelowBp: 6_000,
    uptimeBands: [
      { minBp: 9_500, penaltyBp: 0 },
      { minBp: 8_500, penaltyBp: 1_000 },
      { minBp: 8_000, penaltyBp: 2_500 },
    ],
    severePenaltyBp: 5_000,
  },
  hedgeFund: { deltaLimitMilli: 50_000, breachTickPenaltyBp: 200 },
  arbitrage: {
    minRatioBp: 5_000,
    maxRatioBp: 20_000,
    wellMinRatioBp: 8_000,
    wellMaxRatioBp: 12_000,
    maxConsecutiveTicks: 5,
    imbalancePenaltyBp: 500,
    singleLegPenaltyBp: 1_000,
    persistentShareBp: 2_500,
    persistentPenaltyBp: 2_000,
  },
  positionLimits: {
    market_maker: limitsOf("market_maker"),
    hedge_fund: limitsOf("hedge_fund"),
    arbitrage_desk: limitsOf("arbitrage_desk"),
  },
  breachTiers: {
    minorBelowBp: 1_000,
    majorUpToBp: 2_500,
    minorPenaltyBp: 500,
    majorPenaltyBp: 1_500,
    severePenaltyBp: 3_000,
  },
};

function limitsOf(role: TeamRole) {
  const { perInstrument, total } = DEFAULT_ROLE_LIMITS[role];
  return { perInstrument, total };
}
