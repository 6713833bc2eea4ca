import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bsGreeks, bsPrice, intrinsicTicks, normCdf, theoTicks } from "./black-scholes";

describe("normCdf", () => {
  it("matches reference values to 1e-12", () => {
    const table: [number, number][] = [
      [0, 0.5],
      [0.1, 0.539827837277029],
      [1, 0.841344746068543],
      [-1.96, 0.0249978951482204],
      [3, 0.99865010196837],
      [-5, 2.86651571879194e-7],
      [-8, 6.22096057427178e-16],
    ];
    for (const [x, p] of table) expect(Math.abs(normCdf(x) - p)).toBeLessThan(1e-12 + p * 1e-9);
  });
});

describe("Black–Scholes", () => {
  it("prices the textbook at-the-money option: S = K = 100, T = 1, σ = 0.2, r = 0", () => {
    const input = { spot: 100, strike: 100, years: 1, vol: 0.2 };
    expect(bsPrice({ ...input, call: true })).toBeCloseTo(7.9656, 4);
    expect(bsPrice({ ...input, call: false })).toBeCloseTo(7.9656, 4);
    const greeks = bsGreeks({ ...input, call: true });
    expect(greeks.delta).toBeCloseTo(0.5398, 4);
    expect(greeks.gamma).toBeCloseTo(0.019848, 6);
    expect(greeks.vega).toBeCloseTo(39.695, 3);
    expect(greeks.theta).toBeCloseTo(-3.9695, 4);
    expect(bsGreeks({ ...input, call: false }).delta).toBeCloseTo(0.5398 - 1, 4);
  });

  it("matches Hull's example 15.6: S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5", () => {
    const input = { spot: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1 };
    expect(bsPrice({ ...input, call: true })).toBeCloseTo(4.7594, 4);
    expect(bsPrice({ ...input, call: false })).toBeCloseTo(0.8086, 4);
  });

  it("satisfies put–call parity and finite-difference greeks", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 10_000, noNaN: true }),
        fc.double({ min: 0.7, max: 1.3, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (spot, moneyness, years, vol, rate) => {
          const input = { spot, strike: spot * moneyness, years, vol, rate };
          const call = bsPrice({ ...input, call: true });
          const put = bsPrice({ ...input, call: false });
          const forward = spot - input.strike * Math.exp(-rate * years);
          expect(Math.abs(call - put - forward)).toBeLessThan(1e-9 * spot);
          const h = spot * vol * Math.sqrt(years) * 1e-3; // small against the price distribution's width
          const up = bsPrice({ ...input, spot: spot + h, call: true });
          const down = bsPrice({ ...input, spot: spot - h, call: true });
          const g = bsGreeks({ ...input, call: true });
          expect(g.delta).toBeCloseTo((up - down) / (2 * h), 5);
          expect(Math.abs(g.gamma - (up - 2 * call + down) / (h * h))).toBeLessThan(1e-3 * g.gamma + 1e-6); // second differences lose ~8 digits;
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("is intrinsic at or after expiry, with delta 1/0 and −1/0", () => {
    expect(bsPrice({ spot: 105, strike: 100, years: 0, vol: 0.2, call: true })).toBe(5);
    expect(bsPrice({ spot: 105, strike: 100, years: -1, vol: 0.2, call: false })).toBe(0);
    expect(bsGreeks({ spot: 105, strike: 100, years: 0, vol: 0.2, call: true }).delta).toBe(1);
    expect(bsGreeks({ spot: 95, strike: 100, years: 0, vol: 0.2, call: false }).delta).toBe(-1);
    expect(bsGreeks({ spot: 95, strike: 100, years: 0, vol: 0.2, call: true })).toEqual({
      delta: 0,
      gamma: 0,
      vega: 0,
      theta: 0,
    });
  });
});

describe("theoTicks", () => {
  const week = 5 / 252; // a "week" is two sessions of the game; any short T will do here
  it("is an integer number of ticks, at least 1", () => {
    const atm = theoTicks({ spotTicks: 440_000, strikeTicks: 440_000, years: week, vol: 0.2, call: true });
    expect(Number.isInteger(atm)).toBe(true);
    // ≈ 0.4 σ √T S = 0.3989 × 0.2 × 0.1409 × 440000.
    expect(atm).toBe(
      Math.round(bsPrice({ spot: 440_000, strike: 440_000, years: week, vol: 0.2, call: true })),
    );
    expect(Math.abs(atm - 4_946)).toBeLessThan(5);
    expect(theoTicks({ spotTicks: 440_000, strikeTicks: 600_000, years: week, vol: 0.1, call: true })).toBe(
      1,
    );
  });

  it("is the intrinsic value at expiry, still at least 1 tick", () => {
    expect(theoTicks({ spotTicks: 44_123, strikeTicks: 44_000, years: 0, vol: 0.2, call: true })).toBe(123);
    expect(theoTicks({ spotTicks: 44_123, strikeTicks: 44_000, years: 0, vol: 0.2, call: false })).toBe(1);
    expect(intrinsicTicks({ spotTicks: 44_123, strikeTicks: 44_000, call: false })).toBe(0);
  });
});
