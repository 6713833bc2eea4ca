import { describe, expect, it } from "vitest";
import { OrderBook } from "./order-book";
import { ReferenceBook } from "./reference-book";
import type { Book, IncomingOrder } from "./types";

const limit = (
  id: string,
  owner: string,
  side: "buy" | "sell",
  price: number,
  quantity: number,
  tif: "gtc" | "ioc" = "gtc",
): IncomingOrder => ({
  id,
  owner,
  side,
  type: "limit",
  price,
  quantity,
  tif,
});
const market = (id: string, owner: string, side: "buy" | "sell", quantity: number): IncomingOrder => ({
  id,
  owner,
  side,
  type: "market",
  quantity,
  tif: "ioc",
});

describe.each([
  ["OrderBook", () => new OrderBook()],
  ["ReferenceBook", () => new ReferenceBook()],
] as const)("%s (shared contract)", (_name, make: () => Book) => {
  it("walks levels at the resting prices (GAME.md §6.1 example 1)", () => {
    const book = make();
    book.submit(limit("a1", "mm", "sell", 2550, 5));
    book.submit(limit("a2", "mm", "sell", 2555, 10));
    const result = book.submit(limit("b1", "hf", "buy", 2555, 10));
    expect(result.fills.map((f) => [f.makerOrderId, f.price, f.quantity])).toEqual([
      ["a1", 2550, 5],
      ["a2", 2555, 5],
    ]);
    expect(result).toMatchObject({ remaining: 0, rested: false, dropped: null });
    expect(book.depth(5)).toEqual({ bids: [], asks: [[2555, 5]] });
  });

  it("fills FIFO within a level and leaves later levels alone (example 2)", () => {
    const book = make();
    book.submit(limit("A", "t1", "buy", 2545, 50));
    book.submit(limit("B", "t2", "buy", 2545, 30));
    book.submit(limit("C", "t3", "buy", 2540, 100));
    const result = book.submit(limit("S", "t4", "sell", 2540, 60));
    expect(result.fills.map((f) => [f.makerOrderId, f.price, f.quantity])).toEqual([
      ["A", 2545, 50],
      ["B", 2545, 10],
    ]);
    expect(book.get("B")?.remaining).toBe(20);
    expect(book.get("C")?.remaining).toBe(100);
    expect(book.depth(5).bids).toEqual([
      [2545, 20],
      [2540, 100],
    ]);
  });

  it("rests a limit remainder, drops an IOC remainder and a market remainder as no_liquidity", () => {
    const book = make();
    book.submit(limit("a", "mm", "sell", 100, 5));
    expect(book.submit(limit("b", "x", "buy", 100, 8))).toMatchObject({ remaining: 3, rested: true });
    expect(book.bestBid()).toBe(100);
    book.submit(limit("c", "mm", "sell", 101, 2));
    expect(book.submit(limit("d", "y", "buy", 101, 5, "ioc"))).toMatchObject({
      remaining: 3,
      rested: false,
      dropped: "ioc",
    });
    expect(book.submit(market("e", "y", "sell", 10))).toMatchObject({
      remaining: 7,
      dropped: "no_liquidity",
    });
    expect(book.depth(5)).toEqual({ bids: [], asks: [] });
    expect(book.submit(market("f", "y", "buy", 1))).toMatchObject({ fills: [], dropped: "no_liquidity" });
  });

  it("prevents self-trades by cancelling the owner's resting order and continuing", () => {
    const book = make();
    book.submit(limit("own", "mm", "sell", 100, 5));
    book.submit(limit("other", "x", "sell", 101, 5));
    const result = book.submit(limit("take", "mm", "buy", 101, 3));
    expect(result.selfTradeCancels.map((o) => o.id)).toEqual(["own"]);
    expect(result.fills.map((f) => [f.makerOrderId, f.quantity])).toEqual([["other", 3]]);
    expect(book.get("own")).toBeNull();
  });

  it("cancels by id (once) and all of an owner's orders", () => {
    const book = make();
    book.submit(limit("1", "a", "buy", 99, 1));
    book.submit(limit("2", "a", "sell", 105, 1));
    book.submit(limit("3", "b", "buy", 98, 1));
    expect(book.cancel("1")?.id).toBe("1");
    expect(book.cancel("1")).toBeNull();
    expect(book.cancel("nope")).toBeNull();
    expect(book.cancelOwner("a").map((o) => o.id)).toEqual(["2"]);
    expect(book.orders().map((o) => o.id)).toEqual(["3"]);
  });
});
