import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDebrief, type DebriefFill, type DebriefMark } from "./debrief-compute";

const X = "SPX_4400_CALL_2024-02-15";
const fill = (
  seq: number,
  side: "buy" | "sell",
  price: number,
  quantity: number,
  feeCents: number,
  source: DebriefFill["source"] = "manual",
): DebriefFill => ({
  seq,
  at: seq * 1_000,
  instrument: X,
  side,
  price,
  quantity,
  feeCents,
  source,
  tradeId: `t${seq}`,
});
const mark = (seq: number, markTicks: number, instrument = X): DebriefMark => ({
  seq,
  at: seq * 1_000,
  instrument,
  markTicks,
});

describe("computeDebrief", () => {
  it("worked example: buy under the mark, the mark rises, sell over it", () => {
    const d = computeDebrief(
      [fill(2, "buy", 2_490, 10, -20), fill(4, "sell", 2_560, 10, -20, "bot")],
      [mark(1, 2_500), mark(3, 2_550), mark(5, 2_550)],
    );
    // Cash: −24,900 + 25,600 = +700 ticks × 100 = 70,000 cents; fees −40; flat at the end.
    expect(d.pnlCents).toBe(70_000 - 40);
    // Edge: bought 10 under 2,500 (+10,000), sold 10 over 2,550 (+10,000); inventory: the mark rose 50 on 10 held.
    expect(d.attribution).toEqual({ spreadCents: 20_000, feesCents: -40, inventoryCents: 50_000 });
    expect(d.series.map((p) => p.pnlCents)).toEqual([0, (2_550 - 2_490) * 10 * 100 - 20, 70_000 - 40]);
    expect(d.bySource).toEqual({
      manual: { fills: 1, contracts: 10, spreadCents: 10_000, feesCents: -20 },
      bot: { fills: 1, contracts: 10, spreadCents: 10_000, feesCents: -20 },
    });
    // To the final mark: the buy made (2,550 − 2,490) × 10 × 100 − 20, the sell (2,560 − 2,550) × 10 × 100 − 20.
    expect(d.best.map((t) => [t.seq, t.resultCents])).toEqual([
      [2, 59_980],
      [4, 9_980],
    ]);
    expect(d.worst).toEqual([]);
  });

  it("attribution always sums to the P&L exactly (fixed seed 20261124)", () => {
    const event = fc.record({
      side: fc.constantFrom("buy" as const, "sell" as const),
      price: fc.integer({ min: 1, max: 10_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
      fee: fc.integer({ min: -200, max: 200 }),
      mark: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const fills: DebriefFill[] = [];
        const marks: DebriefMark[] = [];
        events.forEach((e, i) => {
          fills.push(fill(2 * i + 1, e.side, e.price, e.quantity, e.fee));
          if (e.mark !== null) marks.push(mark(2 * i + 2, e.mark));
        });
        const d = computeDebrief(fills, marks);
        const { spreadCents, feesCents, inventoryCents } = d.attribution;
        expect(spreadCents + feesCents + inventoryCents).toBe(d.pnlCents);
        expect(Number.isSafeInteger(d.pnlCents)).toBe(true);
      }),
      { seed: 20_261_124, numRuns: 300 },
    );
  });

  it("rebuilds delta over time from the recorded underlyings and finds compliance breaches", () => {
    // 60 deep-in-the-money SPX calls (delta ≈ 1 each at the 20% reference vol), marked with SPX at 4,400.
    const itm = "SPX_4000_CALL_2024-02-15";
    const buy = { ...fill(1, "buy", 40_000, 60, 0), instrument: itm };
    const at = Date.UTC(2024, 1, 13, 10, 0); // session 1, 10:00 game time
    const marks: DebriefMark[] = [
      { seq: 2, at, instrument: "SPX", markTicks: 440_000 },
      { seq: 3, at, instrument: "SPY", markTicks: 44_000 },
      { seq: 4, at, instrument: itm, markTicks: 40_000 },
    ];
    const hf = computeDebrief([buy], marks, "hedge_fund");
    expect(hf.series.at(-1)?.delta).toBe(60);
    expect(hf.breaches).toEqual([{ at, code: "HF_DELTA", value: "Δ = 60" }]);
    const arb = computeDebrief([buy], marks, "arbitrage_desk");
    expect(arb.breaches).toEqual([{ at, code: "ARB_PAIR_BALANCE", value: "one leg only" }]);
    expect(computeDebrief([buy], marks, "market_maker").breaches).toEqual([]);
  });
});
