import { describe, expect, it } from "vitest";
import { MarketDataCoalescer } from "./market-data-coalescer";

const X = "SPX_4400_CALL_2024-02-15";

describe("MarketDataCoalescer", () => {
  it("turns many book changes into one delta per instrument per flush, trades in order", () => {
    const md = new MarketDataCoalescer(5);
    let depth = { bids: [[100, 5]] as [number, number][], asks: [[105, 5]] as [number, number][] };
    md.note([], [X]);
    expect(md.flush(() => depth)).toEqual([
      { type: "book_delta", instrument: X, bids: [[100, 5]], asks: [[105, 5]] },
    ]);
    expect(md.pending).toBe(false);
    // 100 commands change the book; one delta carries the net change (bid 100 gone, 101 new, ask unchanged).
    for (let i = 0; i < 100; i++) md.note([], [X]);
    md.note(
      [
        { type: "trade", tradeId: "t1", instrument: X, price: 100, quantity: 5, aggressor: "sell", at: 1 },
        { type: "trade", tradeId: "t2", instrument: X, price: 101, quantity: 1, aggressor: "buy", at: 2 },
      ],
      [X],
    );
    depth = { bids: [[101, 3]], asks: [[105, 5]] };
    const batch = md.flush(() => depth);
    expect(batch.map((m) => m.type)).toEqual(["trade", "trade", "book_delta"]);
    expect(batch[2]).toEqual({
      type: "book_delta",
      instrument: X,
      bids: [
        [101, 3],
        [100, 0],
      ],
      asks: [],
    });
    expect(md.flush(() => depth)).toEqual([]);
  });

  it("keeps only the latest indicative auction price per instrument", () => {
    const md = new MarketDataCoalescer();
    md.note([{ type: "auction_indicative", instrument: X, price: 100, volume: 5 }], []);
    md.note([{ type: "auction_indicative", instrument: X, price: 101, volume: 9 }], []);
    expect(md.flush(() => ({ bids: [], asks: [] }))).toEqual([
      { type: "auction_indicative", instrument: X, price: 101, volume: 9 },
    ]);
  });
});
