import type { ComplianceConfig } from "./compliance-config";
import type { ListedInstrument, PairState } from "./compliance-types";
import { shareBp } from "./scoring-math";

/** Contract multiplier (GAME.md §3.4): one option is on 100 units of its underlying. */
const MULTIPLIER = 100;

/**
 * Gross notional per product in cents (GAME.md §11.4): V = Σ |q| × S × 100 over the product's options, so one SPX
 * contract balances ten SPY contracts. Symbols not in `instruments` are ignored (they are not listed options).
 */
export function grossNotional(
  positions: Readonly<Record<string, number>>,
  instruments: readonly ListedInstrument[],
  spot: { spxTicks: number; spyTicks: number },
): { spx: number; spy: number } {
  let spxContracts = 0;
  let spyContracts = 0;
  for (const i of instruments) {
    const q = Math.abs(positions[i.symbol] ?? 0);
    if (i.underlying === "SPX") spxContracts += q;
    else spyContracts += q;
  }
  return {
    spx: spxContracts * spot.spxTicks * MULTIPLIER,
    spy: spyContracts * spot.spyTicks * MULTIPLIER,
  };
}

/**
 * The pair state at one moment: both legs 0 = flat (balanced); exactly one leg 0 = single-leg exposure; else
 * R = V_SPX / V_SPY (bp, floored) in balance when within the 2:1 band.
 */
export function classifyPair(
  exposure: { spx: number; spy: number },
  rules: ComplianceConfig["arbitrage"],
): { state: PairState; ratioBp: number | null } {
  const spx = Math.abs(exposure.spx);
  const spy = Math.abs(exposure.spy);
  if (spx === 0 && spy === 0) return { state: "flat", ratioBp: null };
  if (spx === 0 || spy === 0) return { state: "single_leg", ratioBp: null };
  const ratioBp = shareBp(spx, spy);
  // Compared exactly: spx/spy ≥ min ⇔ spx × 10⁴ ≥ min × spy (the floored ratio could pass a max it exceeds).
  const balanced = spx * 10_000 >= rules.minRatioBp * spy && spx * 10_000 <= rules.maxRatioBp * spy;
  return { state: balanced ? "balanced" : "unbalanced", ratioBp };
}

/** In balance for scoring: flat or within the band. */
export function inBalance(state: PairState): boolean {
  return state === "flat" || state === "balanced";
}
