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
    expect(d.attribution).toEqual({
      spreadCents: 20_000,
      feesCents: -40,
      inventoryCents: 50_000,
      settlementCents: 0,
    });
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
        const { spreadCents, feesCents, inventoryCents, settlementCents } = d.attribution;
        expect(spreadCents + feesCents + inventoryCents + settlementCents).toBe(d.pnlCents);
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
  it("settles options held into expiry at intrinsic against the underlying's mark at the close", () => {
    const close = Date.UTC(2024, 1, 15, 15); // Thu 15 Feb 2024 15:00, the close of X's expiry session
    const put = "SPX_4400_PUT_2024-02-15";
    const fills = [
      { ...fill(1, "buy", 2_500, 10, -20), at: close - 3_600_000 },
      { ...fill(2, "sell", 300, 4, 8), at: close - 3_600_000, instrument: put },
    ];
    const marks: DebriefMark[] = [
      { seq: 3, at: close, instrument: "SPX", markTicks: 442_500 }, // SPX closes at 4,425.00
      { seq: 4, at: close, instrument: X, markTicks: 2_600 },
      { seq: 5, at: close, instrument: put, markTicks: 1 },
    ];
    // The run ends at the close: the close settles. The call is worth 4,425 − 4,400 = 25.00, the put nothing.
    const d = computeDebrief(fills, marks);
    expect(d.settlements).toEqual([
      { at: close, instrument: X, position: 10, priceTicks: 2_500, cashCents: 2_500_000 },
      { at: close, instrument: put, position: -4, priceTicks: 0, cashCents: 0 },
    ]);
    expect(d.positions).toEqual([]);
    // Settlement moves the call from its 26.00 mark to 25.00 and the put from 0.01 to 0: 10 × −100 + (−4) × −1.
    expect(d.attribution.settlementCents).toBe((10 * -100 + -4 * -1) * 100);
    // Bought at 25.00 and settled at 25.00; sold the put at 3.00 and it expired worthless: +1,200 less 12 in fees.
    expect(d.pnlCents).toBe(4 * 300 * 100 - 12);
    expect(d.series.at(-1)).toMatchObject({ at: close, pnlCents: d.pnlCents });
    const { spreadCents, feesCents, inventoryCents, settlementCents } = d.attribution;
    expect(spreadCents + feesCents + inventoryCents + settlementCents).toBe(d.pnlCents);

    // A run that stops before the close keeps the positions open at their marks.
    const open = computeDebrief(
      fills,
      marks.map((m) => ({ ...m, at: close - 300_000 })),
    );
    expect(open.settlements).toEqual([]);
    expect(open.positions.map((p) => p.instrument)).toEqual([X, put]);
    // Records of the next session settle them before anything else happens.
    const next = computeDebrief(fills, [
      ...marks.map((m) => ({ ...m, at: close - 300_000 })),
      { seq: 6, at: close + 86_400_000, instrument: "SPX", markTicks: 450_000 },
    ]);
    expect(next.settlements.map((s) => [s.instrument, s.priceTicks])).toEqual([
      [X, 2_500],
      [put, 0],
    ]);
  });

  it("without underlying marks (older records), estimates the close by put–call parity on the final marks", () => {
    const close = Date.UTC(2024, 1, 15, 15);
    const mark = (seq: number, instrument: string, markTicks: number): DebriefMark => ({
      seq,
      at: close,
      instrument,
      markTicks,
    });
    // S ≈ K + C − P: 4,400 + 25.00 − 0.01 = 4,424.99 and 4,450 + 0.01 − 25.01 = 4,425.00 → median 4,424.995 → 442,500.
    const marks = [
      mark(2, X, 2_500),
      mark(3, "SPX_4400_PUT_2024-02-15", 1),
      mark(4, "SPX_4450_CALL_2024-02-15", 1),
      mark(5, "SPX_4450_PUT_2024-02-15", 2_501),
    ];
    const d = computeDebrief([{ ...fill(1, "buy", 2_000, 1, 0), at: close - 60_000 }], marks);
    expect(d.settlements).toEqual([
      { at: close, instrument: X, position: 1, priceTicks: 2_500, cashCents: 250_000 },
    ]);
    expect(d.pnlCents).toBe(50_000);
  });

  it("greeks over time: buying a call makes the book long gamma and vega and short theta; selling it flattens them", () => {
    const t0 = Date.UTC(2024, 1, 13, 10, 0, 0); // session 1, 10:00 game time
    const at = (minutes: number) => t0 + minutes * 60_000;
    const marksAt = (seq: number, minutes: number): DebriefMark[] => [
      { seq, at: at(minutes), instrument: "SPX", markTicks: 440_000 },
      { seq: seq + 1, at: at(minutes), instrument: "SPY", markTicks: 44_000 },
      { seq: seq + 2, at: at(minutes), instrument: X, markTicks: 2_500 },
    ];
    const trade = (seq: number, minutes: number, side: "buy" | "sell"): DebriefFill => ({
      ...fill(seq, side, 2_500, 10, -20),
      at: at(minutes),
    });
    const d = computeDebrief(
      [trade(4, 1, "buy"), trade(10, 11, "sell")],
      [...marksAt(1, 0), ...marksAt(5, 5), ...marksAt(11, 15)],
    );
    const [before, holding, after] = d.series;
    expect(before).toMatchObject({ delta: 0, gammaMilli: 0, vegaCents: 0, thetaCents: 0 });
    expect(holding?.delta).toBeGreaterThan(3); // 10 at-the-money calls ≈ 5 SPX-equivalent contracts
    expect(holding?.gammaMilli).toBeGreaterThan(0);
    expect(holding?.vegaCents).toBeGreaterThan(0);
    expect(holding?.thetaCents).toBeLessThan(0);
    expect(after).toMatchObject({ delta: 0, gammaMilli: 0, vegaCents: 0, thetaCents: 0 });
  });

  it("a market maker's coverage windows under 80% are breaches; the coverage series is returned as recorded", () => {
    const coverage = [
      { at: 300_000, coverageBp: 9_500 },
      { at: 600_000, coverageBp: 7_999 },
      { at: 900_000, coverageBp: 8_000 },
    ];
    const d = computeDebrief([], [mark(1, 2_500)], "market_maker", coverage);
    expect(d.coverage).toEqual(coverage);
    expect(d.breaches).toEqual([{ at: 600_000, code: "MM_QUOTE_COVERAGE", value: "79% quoted" }]);
  });
});
