import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLIANCE_CONFIG } from "./compliance-config";
import type { ListedInstrument, OwnQuote } from "./compliance-types";
import { isQuoted, ownBestQuotes, quoteCoverage } from "./quote-coverage";

const MM = DEFAULT_COMPLIANCE_CONFIG.marketMaker;
const q = (bid: number | null, ask: number | null, bidQty = 10, askQty = 10): OwnQuote => ({
  bid,
  ask,
  bidQty,
  askQty,
});

describe("isQuoted (GAME.md §11.2)", () => {
  it("B.1's 25.40 / 25.60 × 10 is quoted: spread 20 ≤ 10% of mid 25.50", () => {
    expect(isQuoted(q(2_540, 2_560), MM)).toBe(true);
  });

  it("allows ask − bid up to exactly 10% of mid, not a tick more", () => {
    // bid 1900, ask 2100: mid 2000, 10% = 200 = the spread.
    expect(isQuoted(q(1_900, 2_100), MM)).toBe(true);
    expect(isQuoted(q(1_899, 2_100), MM)).toBe(false);
  });

  it("allows 5 ticks on cheap options where 10% of mid is less", () => {
    expect(isQuoted(q(10, 15), MM)).toBe(true); // 10% of 12.5 is 1.25, the floor is 5 ticks
    expect(isQuoted(q(10, 16), MM)).toBe(false);
  });

  it("needs ask > bid, both sides, and at least 10 contracts on each", () => {
    expect(isQuoted(q(2_500, 2_500), MM)).toBe(false);
    expect(isQuoted(q(2_510, 2_500), MM)).toBe(false);
    expect(isQuoted(q(2_500, null), MM)).toBe(false);
    expect(isQuoted(q(null, 2_500), MM)).toBe(false);
    expect(isQuoted(q(2_500, 2_510, 9, 10), MM)).toBe(false);
    expect(isQuoted(q(2_500, 2_510, 10, 9), MM)).toBe(false);
    expect(isQuoted(undefined, MM)).toBe(false);
  });
});

describe("quoteCoverage", () => {
  const listed: ListedInstrument[] = [
    { symbol: "A", underlying: "SPX", theoTicks: 2_550 },
    { symbol: "B", underlying: "SPX", theoTicks: 4 }, // under $0.05: exempt
    { symbol: "C", underlying: "SPY", theoTicks: 5 }, // exactly $0.05: required
    { symbol: "D", underlying: "SPY", theoTicks: null }, // unknown theo: required
  ];

  it("counts quoted required options; options under $0.05 theo are exempt", () => {
    expect(quoteCoverage({ A: q(2_540, 2_560), B: q(2, 6), C: q(3, 7) }, listed, MM)).toEqual({
      quoted: 2,
      required: 3,
    });
    expect(quoteCoverage(undefined, listed, MM)).toEqual({ quoted: 0, required: 3 });
  });
});

describe("ownBestQuotes", () => {
  it("takes the best price per side and sums the contracts resting there", () => {
    const orders = [
      { instrument: "A", side: "buy" as const, price: 2_530, remaining: 50 },
      { instrument: "A", side: "buy" as const, price: 2_540, remaining: 4 },
      { instrument: "A", side: "buy" as const, price: 2_540, remaining: 6 },
      { instrument: "A", side: "sell" as const, price: 2_570, remaining: 10 },
      { instrument: "A", side: "sell" as const, price: 2_560, remaining: 12 },
      { instrument: "B", side: "sell" as const, price: 100, remaining: 0 },
    ];
    expect(ownBestQuotes(orders)).toEqual({ A: { bid: 2_540, bidQty: 10, ask: 2_560, askQty: 12 } });
  });
});
