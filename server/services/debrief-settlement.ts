import { CLOSE_MS } from "@/party/core/game-clock";
import { parseSymbol } from "@/party/core/instruments";

/**
 * Expiry in the debrief. Options cash-settle at intrinsic value against the underlying's price at the close of their
 * expiry date's session (DECISIONS.md "Money"). The records carry no settlement price; the underlying's close is
 * its mark (instrument "SPX" or "SPY") at the last 5-minute tick, which falls on the close. Records from before
 * underlyings were marked fall back to put–call parity on the options' final marks (r = 0, European):
 * S ≈ K + C − P, the median over the strikes whose call and put are both marked — within a tick or two, as marks
 * at the close have no time value left.
 */

/** The close of an option's expiry session (game-epoch ms); null for a symbol that is not an option. */
export function expiryCloseMs(instrument: string): number | null {
  const spec = parseSymbol(instrument);
  if (!spec) return null;
  const [y, m, d] = spec.expiry.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) + CLOSE_MS;
}

/** Estimated settlement price (ticks) of `instrument` from the latest marks; null when no pair is marked. */
export function estimateSettlement(instrument: string, marks: ReadonlyMap<string, number>): number | null {
  const spec = parseSymbol(instrument);
  if (!spec) return null;
  const intrinsic = (spot: number) =>
    Math.max(0, spec.optionType === "call" ? spot - spec.strikeCents : spec.strikeCents - spot);
  const underlying = marks.get(spec.underlying);
  if (underlying !== undefined) return intrinsic(underlying);
  const byStrike = new Map<number, { call?: number; put?: number }>();
  for (const [symbol, markTicks] of marks) {
    const other = parseSymbol(symbol);
    if (!other || other.underlying !== spec.underlying || other.expiry !== spec.expiry) continue;
    const pair = byStrike.get(other.strikeCents) ?? {};
    pair[other.optionType] = markTicks;
    byStrike.set(other.strikeCents, pair);
  }
  const spots = [...byStrike]
    .filter(([, p]) => p.call !== undefined && p.put !== undefined)
    .map(([strike, p]) => strike + (p.call as number) - (p.put as number))
    .sort((a, b) => a - b);
  if (spots.length === 0) return null;
  const mid = Math.floor(spots.length / 2);
  const spot =
    spots.length % 2 === 1
      ? (spots[mid] as number)
      : Math.round(((spots[mid - 1] as number) + (spots[mid] as number)) / 2);
  return intrinsic(spot);
}
