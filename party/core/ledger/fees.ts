/** Roles that trade, with their fees per contract in cents: + is a rebate to the account, − a fee (GAME.md §7). */
export type LedgerRole = "market_maker" | "hedge_fund" | "arbitrage_desk" | "retail";
export type Liquidity = "maker" | "taker" | "auction";

export type FeeSchedule = Record<LedgerRole, { makerCents: number; takerCents: number }>;

export const DEFAULT_FEES: FeeSchedule = {
  market_maker: { makerCents: 2, takerCents: -1 },
  hedge_fund: { makerCents: 1, takerCents: -2 },
  arbitrage_desk: { makerCents: 1, takerCents: -2 },
  retail: { makerCents: -1, takerCents: -3 },
};

/** The signed fee of one fill for one side. Auction fills pay the maker rate (no side aggressed). */
export function feeFor(
  schedule: FeeSchedule,
  role: LedgerRole,
  liquidity: Liquidity,
  quantity: number,
): number {
  const rate = liquidity === "taker" ? schedule[role].takerCents : schedule[role].makerCents;
  return rate * quantity;
}
