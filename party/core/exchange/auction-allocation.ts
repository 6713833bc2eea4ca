import { type Clearing, clearingPrice } from "../matching";
import type { OrderRecord } from "./types";

export type AuctionMatch = { buy: OrderRecord; sell: OrderRecord; quantity: number };

/** The indicative price and volume of the orders held in pre-open (null price when nothing would trade). */
export function indicative(held: readonly OrderRecord[], reference: number): Clearing | null {
  const bids = held.filter((o) => o.side === "buy").map((o) => ({ price: o.price, quantity: o.remaining }));
  const asks = held.filter((o) => o.side === "sell").map((o) => ({ price: o.price, quantity: o.remaining }));
  return clearingPrice(bids, asks, reference);
}

/**
 * Allocates the opening auction of one instrument: every trade prints at the uniform clearing price; eligible
 * bids (price ≥ p) and asks (price ≤ p) are taken in price then arrival order and matched pairwise until the
 * volume is done. A pair from the same account is not traded: the later of the two is left out (self-trade
 * prevention), so the volume can end below the computed one. Pure: does not mutate the records.
 */
export function allocateAuction(
  held: readonly OrderRecord[],
  reference: number,
): { clearing: Clearing; matches: AuctionMatch[]; selfTrade: OrderRecord[] } | null {
  const clearing = indicative(held, reference);
  if (!clearing) return null;
  const byPriority = (a: OrderRecord, b: OrderRecord, sign: number) =>
    a.price !== b.price ? sign * (a.price - b.price) : a.arrival - b.arrival;
  const bids = held
    .filter((o) => o.side === "buy" && o.price >= clearing.price)
    .sort((a, b) => byPriority(a, b, -1));
  const asks = held
    .filter((o) => o.side === "sell" && o.price <= clearing.price)
    .sort((a, b) => byPriority(a, b, 1));
  const left = new Map(held.map((o) => [o.orderId, o.remaining]));
  const matches: AuctionMatch[] = [];
  const selfTrade: OrderRecord[] = [];
  let volume = clearing.volume;
  let i = 0;
  let j = 0;
  while (volume > 0 && i < bids.length && j < asks.length) {
    const buy = bids[i] as OrderRecord;
    const sell = asks[j] as OrderRecord;
    if (buy.account === sell.account) {
      const later = buy.arrival > sell.arrival ? buy : sell;
      selfTrade.push(later);
      if (later === buy) i++;
      else j++;
      continue;
    }
    const quantity = Math.min(volume, left.get(buy.orderId) ?? 0, left.get(sell.orderId) ?? 0);
    matches.push({ buy, sell, quantity });
    volume -= quantity;
    left.set(buy.orderId, (left.get(buy.orderId) ?? 0) - quantity);
    left.set(sell.orderId, (left.get(sell.orderId) ?? 0) - quantity);
    if (left.get(buy.orderId) === 0) i++;
    if (left.get(sell.orderId) === 0) j++;
  }
  return { clearing, matches, selfTrade };
}
