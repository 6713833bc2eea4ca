import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FEES, Ledger } from "../ledger";
import { type AttributionFill, attributePnl } from "./pnl-attribution";

/** Fixed seed: a failure prints it with the counterexample and reproduces exactly. */
const SEED = 20_261_202;
const X = "SPX_4400_CALL_2024-02-15";

describe("attributePnl", () => {
  it("B.1: the MM's round trip 25.40 → 25.60 around a 25.50 mid is $200 of spread and $0.40 of rebates", () => {
    const result = attributePnl({
      fills: [
        { instrument: X, side: "buy", price: 2_540, quantity: 10, feeCents: 20, refTicks: 2_550 },
        { instrument: X, side: "sell", price: 2_560, quantity: 10, feeCents: 20, refTicks: 2_550 },
      ],
      marks: { [X]: 2_550 },
    });
    expect(result).toMatchObject({
      totalCents: 20_040,
      spreadCents: 20_000,
      inventoryCents: 0,
      feesCents: 40,
      settlementCents: 0,
    });
    expect(result.byInstrument).toEqual([
      {
        instrument: X,
        position: 0,
        spreadCents: 20_000,
        inventoryCents: 0,
        feesCents: 40,
        settlementCents: 0,
        totalCents: 20_040,
      },
    ]);
  });

  it("inventory is the mark moving while the contracts are held", () => {
    const result = attributePnl({
      fills: [{ instrument: X, side: "buy", price: 2_540, quantity: 10, feeCents: 20, refTicks: 2_550 }],
      marks: { [X]: 2_600 },
    });
    expect(result).toMatchObject({
      spreadCents: 10_000,
      inventoryCents: 50_000,
      feesCents: 20,
      totalCents: 60_020,
    });
  });

  it("settlement is the step from the last mark to the settlement price; the position is closed", () => {
    const result = attributePnl({
      fills: [{ instrument: X, side: "buy", price: 300, quantity: 5, feeCents: -10, refTicks: 300 }],
      marks: { [X]: 280 },
      settlements: { [X]: 250 },
    });
    expect(result).toMatchObject({
      spreadCents: 0,
      inventoryCents: -10_000,
      settlementCents: -15_000,
      feesCents: -10,
      totalCents: -25_010,
    });
    expect(result.byInstrument[0]?.position).toBe(0);
  });

  it("a period that starts with positions counts only their moves since the start", () => {
    const result = attributePnl({
      fills: [{ instrument: X, side: "sell", price: 130, quantity: 4, feeCents: 0, refTicks: 125 }],
      marks: { [X]: 120 },
      start: { positions: { [X]: 10 }, marks: { [X]: 100 } },
    });
    // Held 10 from 100 to 120: +20,000; sold 4 at 130 over a 125 mid: +2,000 of spread, +2,000 as the mark fell to 120.
    expect(result).toMatchObject({ spreadCents: 2_000, inventoryCents: 22_000, totalCents: 24_000 });
    expect(result.byInstrument[0]?.position).toBe(6);
  });

  it("an instrument without a mark is valued at the reference of its last fill", () => {
    const result = attributePnl({
      fills: [
        { instrument: X, side: "buy", price: 100, quantity: 1, feeCents: 0, refTicks: 101 },
        { instrument: X, side: "buy", price: 100, quantity: 1, feeCents: 0, refTicks: 103 },
      ],
      marks: {},
    });
    expect(result).toMatchObject({ spreadCents: 400, inventoryCents: 200, totalCents: 600 });
  });
});

const INSTRUMENTS = ["A", "B", "C"] as const;
const fillArb = fc.record({
  instrument: fc.constantFrom(...INSTRUMENTS),
  side: fc.constantFrom("buy" as const, "sell" as const),
  price: fc.integer({ min: 0, max: 5_000 }),
  quantity: fc.integer({ min: 1, max: 60 }),
  liquidity: fc.constantFrom("maker" as const, "taker" as const, "auction" as const),
  edge: fc.integer({ min: -40, max: 40 }),
});
const marksArb = fc.record({ A: fc.nat(5_000), B: fc.nat(5_000), C: fc.nat(5_000) });
const settledArb = fc.record({ A: fc.nat(5_000), B: fc.nat(5_000), C: fc.nat(5_000) }, { requiredKeys: [] });

describe("attributePnl against the ledger (property, fixed seed)", () => {
  it("spread + inventory + fees + settlement = the ledger's total P&L, to the cent", () => {
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 40 }), marksArb, settledArb, (raw, marks, settled) => {
        const ledger = new Ledger(DEFAULT_FEES);
        ledger.open("team", "market_maker");
        const fills: AttributionFill[] = raw.map((f) => {
          const { feeCents } = ledger.applyFill({ accountId: "team", ...f });
          return { ...f, feeCents, refTicks: Math.max(0, f.price + f.edge) };
        });
        for (const [instrument, price] of Object.entries(settled)) ledger.settle(instrument, price);
        const result = attributePnl({ fills, marks, settlements: settled });
        const parts = result.spreadCents + result.inventoryCents + result.feesCents + result.settlementCents;
        expect(parts).toBe(result.totalCents);
        expect(result.totalCents).toBe(ledger.view("team", marks).totalCents);
        expect(result.feesCents).toBe(ledger.view("team", marks).feesCents);
        for (const row of result.byInstrument) {
          expect(Number.isSafeInteger(row.totalCents)).toBe(true);
          expect(row.position).toBe(row.instrument in settled ? 0 : ledger.position("team", row.instrument));
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
