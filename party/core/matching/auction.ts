/**
 * The opening auction's uniform clearing price (DECISIONS.md): among the limit prices of held orders, the price
 * that maximises executable volume; ties go to the smallest imbalance, then to the price closest to the reference
 * (last close or theoretical value), then to the lower price. Pure: the same orders give the same price.
 */
export type AuctionOrder = { readonly price: number; readonly quantity: number };

export type Clearing = {
  /** Uniform price in ticks. */
  readonly price: number;
  /** Contracts that trade at that price. */
  readonly volume: number;
  /** Unmatched quantity at that price: buy interest minus sell interest (signed). */
  readonly imbalance: number;
};

export function clearingPrice(
  bids: readonly AuctionOrder[],
  asks: readonly AuctionOrder[],
  referencePrice: number,
): Clearing | null {
  if (bids.length === 0 || asks.length === 0) return null;
  const highestBid = Math.max(...bids.map((b) => b.price));
  const lowestAsk = Math.min(...asks.map((a) => a.price));
  if (highestBid < lowestAsk) return null;
  const candidates = [...new Set([...bids, ...asks].map((o) => o.price))]
    .filter((p) => p >= lowestAsk && p <= highestBid)
    .sort((a, b) => a - b);

  let best: Clearing | null = null;
  for (const price of candidates) {
    const demand = bids.reduce((n, b) => (b.price >= price ? n + b.quantity : n), 0);
    const supply = asks.reduce((n, a) => (a.price <= price ? n + a.quantity : n), 0);
    const candidate = { price, volume: Math.min(demand, supply), imbalance: demand - supply };
    if (candidate.volume > 0 && (best === null || better(candidate, best, referencePrice))) best = candidate;
  }
  return best;
}

/** True when `a` beats `b` under the tie-break order (candidates arrive in ascending price). */
function better(a: Clearing, b: Clearing, reference: number): boolean {
  if (a.volume !== b.volume) return a.volume > b.volume;
  const imbalanceA = Math.abs(a.imbalance);
  const imbalanceB = Math.abs(b.imbalance);
  if (imbalanceA !== imbalanceB) return imbalanceA < imbalanceB;
  const distanceA = Math.abs(a.price - reference);
  const distanceB = Math.abs(b.price - reference);
  if (distanceA !== distanceB) return distanceA < distanceB;
  return a.price < b.price;
}
