import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../protocol";
import { defaultExchangeConfig } from "./default-config";
import { Exchange } from "./exchange";
import type { ExchangeCommand, ExchangeEffects } from "./types";

const X = "SPX_4400_CALL_2024-02-15";
const Y = "SPX_4400_PUT_2024-02-15";

function game(phase: "continuous" | "pre_open" = "continuous") {
  const ex = new Exchange(defaultExchangeConfig([X, Y]));
  ex.handle({ type: "open_account", account: "mm", role: "market_maker" });
  ex.handle({ type: "open_account", account: "hf", role: "hedge_fund" });
  ex.handle({ type: "open_account", account: "arb", role: "arbitrage_desk" });
  ex.handle({ type: "set_phase", at: 0, phase: "pre_open" });
  if (phase === "continuous") ex.handle({ type: "set_phase", at: 0, phase: "continuous" });
  return ex;
}

let clock = 1_000;
const tick = () => {
  clock += 100;
  return clock;
};
const place = (
  account: string,
  side: "buy" | "sell",
  quantity: number,
  price?: number,
  over: Partial<Extract<ExchangeCommand, { type: "place" }>> = {},
): ExchangeCommand => ({
  type: "place",
  at: tick(),
  account,
  cid: `c${clock}`,
  source: "manual",
  instrument: X,
  side,
  orderType: price === undefined ? "market" : "limit",
  price,
  quantity,
  tif: "gtc",
  ...over,
});
const quote = (account: string, bid: number, ask: number, size = 50): ExchangeCommand => ({
  type: "quote",
  at: tick(),
  account,
  cid: `q${clock}`,
  source: "manual",
  instrument: X,
  bid: { price: bid, quantity: size },
  ask: { price: ask, quantity: size },
});

const to = (effects: ExchangeEffects, account: string): ServerMessage[] =>
  effects.events.filter((e) => e.to.kind === "account" && e.to.account === account).map((e) => e.msg);
const pub = (effects: ExchangeEffects): ServerMessage[] =>
  effects.events.filter((e) => e.to.kind === "public").map((e) => e.msg);
const ofType = <T extends ServerMessage["type"]>(msgs: ServerMessage[], type: T) =>
  msgs.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);

describe("Exchange: the pipeline validate → match → settle → publish", () => {
  it("GAME.md §6.1: the MM quotes, the HF lifts the offer; maker rebate and taker fee, each side told privately", () => {
    const ex = game();
    const quoted = ex.handle(quote("mm", 2540, 2560));
    expect(quoted.result).toMatchObject({ status: "accepted", orderIds: ["o1", "o2"] });
    expect(ofType(to(quoted, "mm"), "order_resting")).toHaveLength(2);
    expect(ex.depth(X, 5)).toEqual({ bids: [[2540, 50]], asks: [[2560, 50]] });

    const lifted = ex.handle(place("hf", "buy", 30, 2560));
    expect(lifted.result).toMatchObject({ status: "accepted", orderIds: ["o3"] });
    const [hfFill] = ofType(to(lifted, "hf"), "fill");
    const [mmFill] = ofType(to(lifted, "mm"), "fill");
    expect(hfFill).toMatchObject({
      side: "buy",
      price: 2560,
      quantity: 30,
      liquidity: "taker",
      feeCents: -60,
    });
    expect(mmFill).toMatchObject({
      side: "sell",
      price: 2560,
      quantity: 30,
      liquidity: "maker",
      feeCents: 60,
    });
    expect(mmFill?.remaining).toBe(20);
    expect(to(lifted, "arb")).toEqual([]);
    expect(ofType(pub(lifted), "trade")).toEqual([
      { type: "trade", tradeId: "t1", instrument: X, price: 2560, quantity: 30, aggressor: "buy", at: clock },
    ]);
    expect(JSON.stringify(pub(lifted))).not.toContain("hf"); // the tape is anonymous
    expect(lifted.dirty).toEqual([X]);
    // Positions: HF long 30 at 25.60, MM short 30; cash moves 30 × 2560 × 100 cents.
    expect(ex.positions("hf")?.pnl).toMatchObject({ cashCents: -7_680_000 - 60, feesCents: -60 });
    expect(ex.positions("mm")?.positions).toEqual([
      expect.objectContaining({ instrument: X, position: -30, averagePrice: 2560 }),
    ]);
    const [hfPosition] = ofType(to(lifted, "hf"), "position");
    expect(hfPosition?.position).toMatchObject({ instrument: X, position: 30 });
  });

  it("a new quote atomically replaces the team's previous one (old sides cancelled as replaced)", () => {
    const ex = game();
    ex.handle(quote("mm", 2540, 2560));
    const again = ex.handle(quote("mm", 2545, 2565));
    expect(ofType(to(again, "mm"), "order_cancelled").map((m) => m.reason)).toEqual(["replaced", "replaced"]);
    expect(ex.depth(X, 5)).toEqual({ bids: [[2545, 50]], asks: [[2565, 50]] });
    // The replaced sides do not count against the limit: a 50-lot quote again is fine at ±50.
    expect(again.result).toMatchObject({ status: "accepted" });
    const cancelled = ex.handle({ type: "cancel_quote", at: 1, account: "mm", cid: "cq", instrument: X });
    expect(cancelled.result).toMatchObject({ status: "accepted", orderIds: ["o3", "o4"] });
    expect(ex.depth(X, 5)).toEqual({ bids: [], asks: [] });
  });

  it("rejections carry a code and a human message, and change nothing", () => {
    const ex = game();
    const before = ex.hash();
    expect(ex.handle(place("nobody", "buy", 1, 100)).result).toMatchObject({ code: "UNKNOWN_ACCOUNT" });
    expect(ex.handle(place("hf", "buy", 151, 100)).result).toMatchObject({
      code: "HF_POS_LIMIT",
      message: "Position could reach 151, over ±150 on this option.",
    });
    expect(
      ex.handle(place("hf", "buy", 1, 100, { instrument: "SPX_1_CALL_2024-02-15" })).result,
    ).toMatchObject({ code: "INVALID_INSTRUMENT" });
    expect(ex.handle(quote("hf", 100, 101)).result).toMatchObject({ code: "ORDER_TYPE_NOT_ALLOWED" });
    expect(ex.hash()).toBe(before); // not even a rate-limit token: the rate check runs last
    expect(ex.openOrders("hf")).toEqual([]);
    expect(ex.depth(X, 5)).toEqual({ bids: [], asks: [] });
  });

  it("a team cannot cancel another team's order: same answer as a missing id", () => {
    const ex = game();
    const placed = ex.handle(place("hf", "buy", 10, 2500));
    const orderId = placed.result?.status === "accepted" ? placed.result.orderIds[0] : "";
    const theft = ex.handle({ type: "cancel", at: 1, account: "arb", cid: "x", orderId: orderId as string });
    expect(theft.result).toEqual({
      type: "command_result",
      cid: "x",
      status: "rejected",
      code: "CANCEL_FAILED",
      message: "Cancel failed: order not found.",
    });
    expect(theft.events).toEqual([]);
    expect(ex.openOrders("hf")).toHaveLength(1);
    const own = ex.handle({ type: "cancel", at: 1, account: "hf", cid: "y", orderId: orderId as string });
    expect(ofType(to(own, "hf"), "order_cancelled")[0]).toMatchObject({
      reason: "user_requested",
      remaining: 10,
    });
  });

  it("the hedge fund may not hold a bid and an ask on one option", () => {
    const ex = game();
    ex.handle(place("hf", "sell", 10, 2600));
    expect(ex.handle(place("hf", "buy", 10, 2500)).result).toMatchObject({ code: "TWO_SIDED_NOT_ALLOWED" });
  });

  it("market orders: fill what is there, the rest is cancelled with no_liquidity", () => {
    const ex = game();
    ex.handle(place("arb", "sell", 5, 2600));
    const market = ex.handle(place("hf", "buy", 8));
    expect(ofType(to(market, "hf"), "fill")[0]).toMatchObject({ quantity: 5, remaining: 3 });
    expect(ofType(to(market, "hf"), "order_cancelled")[0]).toMatchObject({
      reason: "no_liquidity",
      remaining: 3,
    });
  });

  it("self-trade prevention cancels the team's resting order and continues", () => {
    const ex = game();
    ex.handle(place("arb", "sell", 5, 2600));
    ex.handle(place("mm", "sell", 5, 2610));
    const cross = ex.handle(place("arb", "buy", 10, 2610));
    expect(ofType(to(cross, "arb"), "order_cancelled")[0]).toMatchObject({ reason: "self_trade" });
    expect(ofType(to(cross, "arb"), "fill")).toEqual([
      expect.objectContaining({ price: 2610, quantity: 5, liquidity: "taker" }),
    ]);
    expect(ex.depth(X, 5)).toEqual({ bids: [[2610, 5]], asks: [] });
  });

  it("pre-open holds orders, publishes the indicative price, and the auction fills both sides at the maker fee", () => {
    const ex = game("pre_open");
    expect(ex.handle(place("hf", "buy", 1, undefined)).result).toMatchObject({ code: "PHASE_NOT_ALLOWED" });
    ex.handle(place("hf", "buy", 10, 2550));
    const second = ex.handle(place("arb", "sell", 6, 2500));
    expect(ofType(pub(second), "auction_indicative")).toEqual([
      { type: "auction_indicative", instrument: X, price: 2500, volume: 6 },
    ]);
    expect(ex.depth(X, 5)).toEqual({ bids: [], asks: [] }); // held orders are not in the book
    expect(ex.openOrders("arb")).toHaveLength(1);

    const open = ex.handle({ type: "set_phase", at: 5, phase: "opening_auction" });
    const [hfFill] = ofType(to(open, "hf"), "fill");
    const [arbFill] = ofType(to(open, "arb"), "fill");
    expect(hfFill).toMatchObject({ price: 2500, quantity: 6, liquidity: "auction", feeCents: 6 });
    expect(arbFill).toMatchObject({ price: 2500, quantity: 6, liquidity: "auction", feeCents: 6 });
    expect(ofType(pub(open), "trade")[0]).toMatchObject({ price: 2500, quantity: 6, aggressor: null });
    expect(ex.depth(X, 5)).toEqual({ bids: [[2550, 4]], asks: [] }); // the leftover rests at its limit
  });

  it("the close cancels every resting and held order with session_end", () => {
    const ex = game();
    ex.handle(place("hf", "buy", 10, 2500));
    ex.handle(quote("mm", 2540, 2560));
    const close = ex.handle({ type: "set_phase", at: 9, phase: "closed" });
    expect(ofType(to(close, "hf"), "order_cancelled").map((m) => m.reason)).toEqual(["session_end"]);
    expect(ofType(to(close, "mm"), "order_cancelled")).toHaveLength(2);
    expect(ex.handle(place("hf", "buy", 1, 100)).result).toMatchObject({ code: "MARKET_CLOSED" });
    expect(ex.handle({ type: "cancel_all", at: 1, account: "hf", cid: "c" }).result).toMatchObject({
      code: "MARKET_CLOSED",
    });
  });

  it("expiry settles positions in cash at intrinsic value and delists the option", () => {
    const ex = game();
    ex.handle(place("arb", "sell", 10, 3000));
    ex.handle(place("hf", "buy", 10, 3000));
    const settled = ex.handle({ type: "settle", at: 1, instrument: X, intrinsicTicks: 5_000 });
    expect(ofType(to(settled, "hf"), "position")[0]?.position).toMatchObject({ position: 0 });
    // HF paid 30.00 for 10 and receives 50.00: +20.00 × 10 × 100 = 2,000,000 cents... in ticks × 100 per contract.
    expect(ex.positions("hf")?.pnl.realisedCents).toBe((5_000 - 3_000) * 10 * 100);
    expect(ex.positions("arb")?.pnl.realisedCents).toBe(-(5_000 - 3_000) * 10 * 100);
    expect(ex.listed()).toEqual([Y]);
    expect(ex.handle(place("hf", "buy", 1, 100)).result).toMatchObject({ code: "INVALID_INSTRUMENT" });
  });

  it("marks use the mid of a tight two-sided book, else the reference value", () => {
    const ex = game();
    ex.handle({ type: "set_reference", at: 0, prices: { [X]: 2_555 } });
    expect(ex.mark(X)).toBe(2_555);
    ex.handle(quote("mm", 2540, 2561));
    expect(ex.mark(X)).toBe(2_550); // (2540 + 2561) / 2 rounded down
  });

  it("snapshot → restore gives the same hash and the same answers afterwards", () => {
    const ex = game();
    ex.handle(quote("mm", 2540, 2560));
    ex.handle(place("hf", "buy", 30, 2560));
    ex.handle(place("arb", "buy", 5, 2530));
    const copy = new Exchange(defaultExchangeConfig([X, Y]), JSON.parse(JSON.stringify(ex.snapshot())));
    expect(copy.hash()).toBe(ex.hash());
    const next = place("arb", "sell", 40, 2530);
    expect(copy.handle(next)).toEqual(ex.handle(next));
    expect(copy.hash()).toBe(ex.hash());
  });
});
