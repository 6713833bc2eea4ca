import { roundFloat } from "./scoring-math";

/** One holding for the compliance delta: contracts (signed), per-contract delta (−1…1) and its product. */
export type DeltaLeg = { quantity: number; delta: number; underlying: "SPX" | "SPY" };

/**
 * Portfolio delta in SPX-equivalent contract deltas (GAME.md §8.4), as integer thousandths: Σ q · δ · w with
 * w_SPX = 1 and w_SPY = S_SPY / S_SPX. The deltas come from Black–Scholes at the published reference volatility
 * (the caller's; never the hidden regime). Underlying contracts are legs with δ = 1.
 */
export function spxEquivalentDeltaMilli(
  legs: readonly DeltaLeg[],
  spot: { spxTicks: number; spyTicks: number },
): number {
  const spyWeight = spot.spyTicks / spot.spxTicks;
  let delta = 0;
  for (const leg of legs) delta += leg.quantity * leg.delta * (leg.underlying === "SPX" ? 1 : spyWeight);
  return roundFloat(delta * 1_000);
}
