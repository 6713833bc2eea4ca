/**
 * The mark of one instrument (DECISIONS.md "Money"): the mid when the book is two-sided and the spread is at most
 * `maxSpreadBp` of the mid; otherwise the model's theoretical value; otherwise the last trade; otherwise none.
 * The mid of an odd spread rounds down to the tick, so marks stay integers.
 */
export function markOf(input: {
  bid: number | null;
  ask: number | null;
  reference: number | null;
  lastTrade: number | null;
  maxSpreadBp: number;
}): number | null {
  const { bid, ask } = input;
  if (bid !== null && ask !== null && bid < ask) {
    // spread ≤ bp/10,000 × (bid + ask)/2  ⇔  spread × 20,000 ≤ bp × (bid + ask)
    if ((ask - bid) * 20_000 <= input.maxSpreadBp * (bid + ask)) return Math.floor((bid + ask) / 2);
  }
  return input.reference ?? input.lastTrade;
}
