/** Compliance thresholds (GAME.md §11, DECISIONS.md). Ratios in basis points; deltas in SPX-equivalent contracts. */
export const COMPLIANCE = {
  /** A 5-minute window with quote coverage below this lowers the maker rebate in the next one (GAME.md §7). */
  mmWindowMinBp: 8_000,
  /** Session uptime below these: a warning, then flagged to the instructor. */
  mmWarnBp: 7_000,
  mmFlagBp: 6_000,
  /** Minimum size on each side of a counted quote, and the theo under which an option is exempt. */
  mmMinSize: 10,
  mmExemptBelowTicks: 5,
  /** Hedge fund: |portfolio delta| above this at a tick boundary is a breach tick (−2% each). */
  hfDeltaLimit: 50,
  hfBreachPenaltyBp: 200,
  /** Arbitrage: V_SPX / V_SPY within [0.5, 2] is in balance. */
  arbMinRatioBp: 5_000,
  arbMaxRatioBp: 20_000,
  /** Penalties: more than 5 consecutive ticks out of balance (−5%, once per episode); one leg only (−10%). */
  arbConsecutiveTicks: 5,
  arbImbalancePenaltyBp: 500,
  arbSingleLegPenaltyBp: 1_000,
  /** The reference volatility of compliance greeks (GAME.md §8.4: published, fixed). */
  referenceVol: 0.2,
} as const;
