import { parseSymbol } from "@/party/core/instruments";
import { bsGreeks, DEFAULT_SIM_CONFIG, yearsForSeconds } from "@/party/core/market-sim";

/** The published reference volatility (GAME.md §8.4): the debrief's greeks never use the hidden regime. */
export const REFERENCE_VOL = 0.2;
/** One option contract is on 100 units of the underlying. */
const MULTIPLIER = 100;
/** A session is 1/252 of a year on the game clock (GAME.md §9.1). */
const SESSIONS_PER_YEAR = 252;

/**
 * A portfolio's greeks in integer display units, SPX-equivalent (a SPY option counts by SPY/SPX, GAME.md §8.4):
 * - `deltaMilli`: delta in contracts × 1,000 (a long at-the-money SPX call ≈ 500);
 * - `gammaMilli`: how much that delta moves for a 1% move of the underlying, × 1,000;
 * - `vegaCents`: P&L in cents for a 1-point rise in volatility;
 * - `thetaCents`: P&L in cents from one session of time passing, all else equal (negative when long options).
 */
export type PortfolioGreeks = {
  deltaMilli: number;
  gammaMilli: number;
  vegaCents: number;
  thetaCents: number;
};

export function portfolioGreeks(
  positions: Iterable<readonly [instrument: string, position: number]>,
  spot: { spxTicks: number; spyTicks: number },
  secondsToExpiry: (expiryIso: string) => number,
): PortfolioGreeks {
  let delta = 0;
  let gamma = 0;
  let vega = 0;
  let theta = 0;
  for (const [instrument, q] of positions) {
    if (q === 0) continue;
    const spec = parseSymbol(instrument);
    if (!spec) continue;
    const spx = spec.underlying === "SPX";
    const greeks = bsGreeks({
      spot: spx ? spot.spxTicks : spot.spyTicks,
      strike: spec.strikeCents,
      years: yearsForSeconds(DEFAULT_SIM_CONFIG, secondsToExpiry(spec.expiry)),
      vol: REFERENCE_VOL,
      call: spec.optionType === "call",
    });
    const own = spx ? spot.spxTicks : spot.spyTicks;
    const weight = spx ? 1 : spot.spyTicks / spot.spxTicks;
    delta += q * greeks.delta * weight;
    gamma += q * greeks.gamma * (own / 100) * weight; // a 1% move of the underlying, SPX-equivalent
    vega += (q * greeks.vega * MULTIPLIER) / 100; // ticks per 1.00 vol → cents per vol point
    theta += (q * greeks.theta * MULTIPLIER) / SESSIONS_PER_YEAR; // ticks per year → cents per session
  }
  return {
    deltaMilli: Math.round(delta * 1000),
    gammaMilli: Math.round(gamma * 1000),
    vegaCents: Math.round(vega),
    thetaCents: Math.round(theta),
  };
}
