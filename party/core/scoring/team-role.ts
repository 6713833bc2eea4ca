/** The three team roles that are scored (retail is simulated and never scored). */
export type TeamRole = "market_maker" | "hedge_fund" | "arbitrage_desk";
