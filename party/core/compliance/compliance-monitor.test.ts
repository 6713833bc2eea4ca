import { describe, expect, it } from "vitest";
import type { OpenOrder, PositionView } from "../protocol";
import { ComplianceMonitor } from "./compliance-monitor";
import { portfolioSample, quotedInstruments } from "./team-samples";

const A = "SPX_4400_CALL_2024-02-15";
const B = "SPX_4400_PUT_2024-02-15";
const order = (instrument: string, side: "buy" | "sell", price: number, remaining: number): OpenOrder => ({
  orderId: `${instrument}-${side}-${price}`,
  cid: null,
  instrument,
  side,
  price,
  quantity: remaining,
  remaining,
  source: "manual",
  at: 0,
});

describe("quotedInstruments (GAME.md §11.2)", () => {
  it("counts options with a tight two-sided quote of at least 10 a side; cheap options are exempt", () => {
    const orders = [order(A, "buy", 2500, 10), order(A, "sell", 2600, 10), order(B, "buy", 2500, 10)];
    expect(quotedInstruments(orders, [A, B], () => 2_550)).toEqual({ quoted: 1, required: 2 });
    // Spread of 300 on a mid of 2,550 is wider than 10%.
    expect(
      quotedInstruments([order(A, "buy", 2400, 10), order(A, "sell", 2700, 10)], [A], () => null),
    ).toEqual({
      quoted: 0,
      required: 1,
    });
    // 9 contracts on one side do not count; an option worth 4 ticks is not required.
    expect(
      quotedInstruments([order(A, "buy", 2500, 9), order(A, "sell", 2510, 10)], [A, B], (s) =>
        s === B ? 4 : 2_505,
      ),
    ).toEqual({
      quoted: 0,
      required: 1,
    });
  });
});

describe("portfolioSample (GAME.md §8.4, §11.4)", () => {
  it("weights SPY deltas by SPY/SPX and measures gross notional per product", () => {
    const pos = (instrument: string, position: number): PositionView => ({
      instrument,
      position,
      averagePrice: 0,
      realisedCents: 0,
      unrealisedCents: 0,
      markTicks: null,
    });
    const atExpiry = () => 0;
    const sample = portfolioSample(
      [pos("SPX_4300_CALL_2024-02-15", 10), pos("SPY_450_PUT_2024-02-15", -20)],
      { spxTicks: 440_000, spyTicks: 44_000 },
      atExpiry,
    );
    // Expired: the ITM call has delta 1, the ITM put −1 (short 20 → +20 × 0.1).
    expect(sample.delta).toBeCloseTo(10 + 2, 9);
    expect(sample.spxNotionalCents).toBe(10 * 440_000 * 100);
    expect(sample.spyNotionalCents).toBe(20 * 44_000 * 100);
  });
});

describe("ComplianceMonitor (GAME.md §11)", () => {
  it("market maker: coverage per window, uptime over the session, the reduced rebate under 80%", () => {
    const m = new ComplianceMonitor();
    for (let s = 0; s < 300; s++) m.sampleSecond([{ teamId: "mm", quoted: s < 210 ? 10 : 0, required: 10 }]);
    m.tickBoundary([
      { teamId: "mm", role: "market_maker", delta: 0, spxNotionalCents: 0, spyNotionalCents: 0, pnlCents: 0 },
    ]);
    expect(m.reducedRebate("mm")).toBe(true); // 70%
    expect(m.status("mm", "market_maker").checks[0]).toMatchObject({
      code: "MM_QUOTE_COVERAGE",
      ok: false,
      value: "70% of options quoted",
      message: "Under 80%: below the quoting obligation.",
    });
    for (let s = 0; s < 300; s++) m.sampleSecond([{ teamId: "mm", quoted: 10, required: 10 }]);
    m.tickBoundary([
      { teamId: "mm", role: "market_maker", delta: 0, spxNotionalCents: 0, spyNotionalCents: 0, pnlCents: 0 },
    ]);
    expect(m.reducedRebate("mm")).toBe(false);
    expect(m.status("mm", "market_maker").checks[0]).toMatchObject({
      ok: true,
      value: "85% of options quoted",
    });
  });

  it("hedge fund: a tick with |Δ| > 50 is a breach tick, −2% each", () => {
    const m = new ComplianceMonitor();
    const tick = (delta: number) =>
      m.tickBoundary([
        { teamId: "hf", role: "hedge_fund", delta, spxNotionalCents: 0, spyNotionalCents: 0, pnlCents: 0 },
      ]);
    tick(40);
    tick(-63.4);
    tick(51);
    expect(m.status("hf", "hedge_fund")).toMatchObject({
      penaltyBp: 400,
      checks: [{ code: "HF_DELTA", ok: false, value: "Δ = 51" }],
    });
  });

  it("arbitrage: single-leg episodes cost 10%, more than 5 ticks out of balance 5%; flat is balanced", () => {
    const m = new ComplianceMonitor();
    const tick = (spx: number, spy: number) =>
      m.tickBoundary([
        {
          teamId: "arb",
          role: "arbitrage_desk",
          delta: 0,
          spxNotionalCents: spx,
          spyNotionalCents: spy,
          pnlCents: 0,
        },
      ]);
    tick(0, 0);
    expect(m.status("arb", "arbitrage_desk").checks[0]).toMatchObject({ ok: true, value: "flat" });
    tick(100, 0);
    tick(100, 0); // the same episode
    expect(m.status("arb", "arbitrage_desk")).toMatchObject({
      penaltyBp: 1_000,
      checks: [{ value: "one leg only" }],
    });
    for (let i = 0; i < 6; i++) tick(300, 100); // ratio 3: out of balance for 6 ticks
    expect(m.status("arb", "arbitrage_desk").penaltyBp).toBe(1_500);
    tick(150, 100);
    expect(m.status("arb", "arbitrage_desk").checks[0]).toMatchObject({ ok: true, value: "ratio 1.50" });
  });

  it("restores from its JSON state", () => {
    const m = new ComplianceMonitor();
    m.sampleSecond([{ teamId: "mm", quoted: 3, required: 4 }]);
    const copy = new ComplianceMonitor(JSON.parse(JSON.stringify(m.snapshot())));
    expect(copy.status("mm", "market_maker")).toEqual(m.status("mm", "market_maker"));
  });
});
