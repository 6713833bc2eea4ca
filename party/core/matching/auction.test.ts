import { describe, expect, it } from "vitest";
import { clearingPrice } from "./auction";

const orders = (...pairs: [number, number][]) => pairs.map(([price, quantity]) => ({ price, quantity }));

describe("opening auction clearing price", () => {
  it("maximises volume (GAME.md §6.2: bids 102/101/100 vs asks 98/99/100 ×10 → 100, V = 30)", () => {
    expect(
      clearingPrice(orders([102, 10], [101, 10], [100, 10]), orders([98, 10], [99, 10], [100, 10]), 100),
    ).toEqual({
      price: 100,
      volume: 30,
      imbalance: 0,
    });
  });

  it("breaks a volume tie by the smallest imbalance", () => {
    // V = 10 at 100 (demand 15, supply 10) and at 101 (10 vs 10): 101 has no imbalance, so it wins even though the
    // reference (100) is closer to 100.
    expect(clearingPrice(orders([101, 10], [100, 5]), orders([99, 5], [100, 5]), 100)).toEqual({
      price: 101,
      volume: 10,
      imbalance: 0,
    });
    expect(clearingPrice(orders([101, 20]), orders([100, 10], [101, 5]), 50)).toMatchObject({
      price: 101,
      volume: 15,
      imbalance: 5,
    });
  });

  it("then by the distance to the reference price, then by the lower price", () => {
    const bids = orders([130, 100], [129, 100], [128, 100]);
    const asks = orders([126, 100], [125, 100], [124, 100]);
    // V = 300 with no imbalance at both 126 and 128.
    expect(clearingPrice(bids, asks, 129)).toMatchObject({ price: 128, volume: 300 });
    expect(clearingPrice(bids, asks, 120)).toMatchObject({ price: 126, volume: 300 });
    expect(clearingPrice(bids, asks, 127)).toMatchObject({ price: 126, volume: 300 }); // equidistant → lower
    // B 10@128 vs S 10@127: both prices clear 10; reference 12750-like midpoint → lower.
    expect(clearingPrice(orders([128, 10]), orders([127, 10]), 127)).toMatchObject({
      price: 127,
      volume: 10,
    });
    expect(clearingPrice(orders([128, 10]), orders([127, 10]), 200)).toMatchObject({
      price: 128,
      volume: 10,
    });
  });

  it("does not trade without both sides or when the book does not cross", () => {
    expect(clearingPrice([], orders([100, 1]), 100)).toBeNull();
    expect(clearingPrice(orders([99, 5]), orders([100, 5]), 100)).toBeNull();
  });
});
