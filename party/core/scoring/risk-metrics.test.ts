import { describe, expect, it } from "vitest";
import { bandOf, DRAWDOWN_BANDS, SHARPE_BANDS } from "./kpi-bands";
import { maxDrawdownBp, type PnlSample, sessionPnls, sharpeMilli } from "./risk-metrics";

const sample = (session: number, minute: number, pnlCents: number): PnlSample => ({
  atMs: session * 86_400_000 + minute * 60_000,
  session,
  pnlCents,
});

describe("session returns and Sharpe (GAME.md §12.4)", () => {
  it("a session's P&L is its last sample minus the previous session's last", () => {
    const samples = [
      sample(1, 5, 300),
      sample(1, 10, 1_000),
      sample(2, 5, 800),
      sample(2, 10, 500),
      sample(3, 5, 2_500),
    ];
    expect(sessionPnls(samples)).toEqual([1_000, -500, 2_000]);
    expect(sessionPnls(samples, 400)).toEqual([600, -500, 2_000]);
    // Order of the samples does not matter.
    expect(sessionPnls([...samples].reverse())).toEqual([1_000, -500, 2_000]);
  });

  it("Sharpe = mean / sd (n − 1) × √252, in thousandths: [+200, 0] → √126 = 11.225", () => {
    expect(sharpeMilli([200, 0])).toBe(11_225);
    expect(sharpeMilli([-200, 0])).toBe(-11_225);
    // Needs two sessions and some variation.
    expect(sharpeMilli([500])).toBeNull();
    expect(sharpeMilli([100, 100, 100])).toBeNull();
  });

  it("Sharpe bands by role: MM > 3 / 2–3 / 1–2 / < 1, HF > 2.5 / 1.5–2.5 / 0.8–1.5", () => {
    const mm = SHARPE_BANDS.market_maker;
    expect([3_001, 3_000, 2_000, 1_999, 1_000, 999].map((v) => bandOf(v, mm))).toEqual([
      "excellent",
      "good",
      "good",
      "acceptable",
      "acceptable",
      "poor",
    ]);
    const hf = SHARPE_BANDS.hedge_fund;
    expect([2_501, 2_500, 1_500, 800, 799].map((v) => bandOf(v, hf))).toEqual([
      "excellent",
      "good",
      "good",
      "acceptable",
      "poor",
    ]);
  });
});

describe("max drawdown (GAME.md §12.4)", () => {
  const capital = 100_000_000;

  it("MDD = max (peak − V) / peak on V = capital + P&L; the peak includes the start", () => {
    // Up $10,000 (peak $1,010,000), then down to $959,500: exactly 5 % below the peak.
    const samples = [sample(1, 5, 1_000_000), sample(1, 10, -4_050_000), sample(1, 15, 2_000_000)];
    expect(maxDrawdownBp(samples, capital)).toBe(500);
    // A loss from the start counts against the starting capital.
    expect(maxDrawdownBp([sample(1, 5, -2_500_000)], capital)).toBe(250);
    expect(maxDrawdownBp([], capital)).toBe(0);
    expect(maxDrawdownBp([sample(1, 5, -150_000_000)], capital)).toBe(10_000);
  });

  it("bands: MM < 5 % excellent, 5–10 good, 10–15 acceptable; HF < 10 / 10–15 / 15–20", () => {
    const mm = DRAWDOWN_BANDS.market_maker;
    expect([499, 500, 1_000, 1_001, 1_500, 1_501].map((v) => bandOf(v, mm))).toEqual([
      "excellent",
      "good",
      "good",
      "acceptable",
      "acceptable",
      "poor",
    ]);
    const hf = DRAWDOWN_BANDS.hedge_fund;
    expect([999, 1_000, 2_000, 2_001].map((v) => bandOf(v, hf))).toEqual([
      "excellent",
      "good",
      "acceptable",
      "poor",
    ]);
  });
});
