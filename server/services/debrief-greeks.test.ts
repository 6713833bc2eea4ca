import { describe, expect, it } from "vitest";
import { bsPrice, DEFAULT_SIM_CONFIG, yearsForSeconds } from "@/party/core/market-sim";
import { portfolioGreeks, REFERENCE_VOL } from "./debrief-greeks";

const SPX_CALL = "SPX_4400_CALL_2024-02-15";
const SPY_CALL = "SPY_440_CALL_2024-02-15";
const spot = { spxTicks: 440_000, spyTicks: 44_000 };
/** Five sessions to expiry, in session seconds (as `secondsToExpiry` counts them). */
const SECONDS = 5 * DEFAULT_SIM_CONFIG.annualisationSecondsPerDay;
const years = yearsForSeconds(DEFAULT_SIM_CONFIG, SECONDS);
const price = (spxTicks: number, vol: number, y: number) =>
  bsPrice({ spot: spxTicks, strike: 440_000, years: y, vol, call: true });

describe("debrief greeks", () => {
  it("one long at-the-money SPX call: delta ≈ 0.5, and gamma, vega and theta match bumped Black–Scholes prices", () => {
    const g = portfolioGreeks([[SPX_CALL, 1]], spot, () => SECONDS);
    expect(g.deltaMilli).toBeGreaterThan(500);
    expect(g.deltaMilli).toBeLessThan(530);
    // Gamma: the delta's change over a 1% move (±0.5% around spot), delta from central differences of BS prices.
    const delta = (s: number) =>
      (price(s + 1, REFERENCE_VOL, years) - price(s - 1, REFERENCE_VOL, years)) / 2;
    const gammaPerPct = delta(442_200) - delta(437_800);
    expect(g.gammaMilli).toBeGreaterThan(50);
    expect(Math.abs(g.gammaMilli - gammaPerPct * 1000) / g.gammaMilli).toBeLessThan(0.02);
    // Vega: P&L in cents of a 1-point vol rise on one contract (×100 multiplier, price in ticks = cents).
    const vegaCents =
      (price(440_000, REFERENCE_VOL + 0.005, years) - price(440_000, REFERENCE_VOL - 0.005, years)) * 100;
    expect(Math.abs(g.vegaCents - vegaCents)).toBeLessThanOrEqual(1);
    // Theta: one session (1/252 year) of decay, in cents; a long option loses.
    const oneSession = 1 / 252;
    const thetaCents =
      (price(440_000, REFERENCE_VOL, years - oneSession / 2) -
        price(440_000, REFERENCE_VOL, years + oneSession / 2)) *
      100;
    expect(g.thetaCents).toBeLessThan(0);
    expect(Math.abs(g.thetaCents - thetaCents) / Math.abs(thetaCents)).toBeLessThan(0.02);
  });

  it("a short position flips every sign; SPY options count SPX-equivalent; flat books have no greeks", () => {
    const long = portfolioGreeks([[SPX_CALL, 3]], spot, () => SECONDS);
    const short = portfolioGreeks([[SPX_CALL, -3]], spot, () => SECONDS);
    expect(short).toEqual({
      deltaMilli: -long.deltaMilli,
      gammaMilli: -long.gammaMilli,
      vegaCents: -long.vegaCents,
      thetaCents: -long.thetaCents,
    });
    // Ten SPY calls at SPY = SPX/10 count as one SPX call (to rounding).
    const spy = portfolioGreeks([[SPY_CALL, 10]], spot, () => SECONDS);
    const spx = portfolioGreeks([[SPX_CALL, 1]], spot, () => SECONDS);
    expect(Math.abs(spy.deltaMilli - spx.deltaMilli)).toBeLessThanOrEqual(1);
    expect(Math.abs(spy.gammaMilli - spx.gammaMilli)).toBeLessThanOrEqual(1);
    expect(Math.abs(spy.vegaCents - spx.vegaCents)).toBeLessThanOrEqual(1);
    expect(
      portfolioGreeks(
        [
          [SPX_CALL, 0],
          ["not a symbol", 5],
        ],
        spot,
        () => SECONDS,
      ),
    ).toEqual({
      deltaMilli: 0,
      gammaMilli: 0,
      vegaCents: 0,
      thetaCents: 0,
    });
  });
});
