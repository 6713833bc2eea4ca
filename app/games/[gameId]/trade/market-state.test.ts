import { describe, expect, it } from "vitest";
import type { ServerMessage } from "@/party/core/protocol";
import { applyMessage, EMPTY_MARKET, mergeLevels } from "./market-state";

const apply = (messages: ServerMessage[]) => messages.reduce(applyMessage, EMPTY_MARKET);
const order = {
  orderId: "o-1",
  cid: "c-1",
  instrument: "SPX_4400_CALL_2024-02-15",
  side: "buy" as const,
  price: 2540,
  quantity: 10,
  remaining: 10,
  source: "manual" as const,
  at: 1,
};

describe("market state from room messages", () => {
  it("merges book deltas into sorted sides and removes emptied levels", () => {
    expect(
      mergeLevels(
        [
          [101, 5],
          [100, 3],
        ],
        [
          [102, 1],
          [100, 0],
        ],
        "desc",
      ),
    ).toEqual([
      [102, 1],
      [101, 5],
    ]);
    const state = apply([
      { type: "book_snapshot", instrument: "X", bids: [[100, 5]], asks: [[105, 2]] },
      {
        type: "book_delta",
        instrument: "X",
        bids: [[101, 1]],
        asks: [
          [105, 0],
          [104, 7],
        ],
      },
    ]);
    expect(state.books.X).toEqual({
      bids: [
        [101, 1],
        [100, 5],
      ],
      asks: [[104, 7]],
    });
  });

  it("tracks own orders through partial fill, full fill and cancel", () => {
    const fill = (remaining: number) =>
      ({
        type: "fill",
        tradeId: `t-${remaining}`,
        orderId: "o-1",
        cid: "c-1",
        instrument: order.instrument,
        side: "buy",
        price: 2540,
        quantity: 5,
        remaining,
        feeCents: 10,
        liquidity: "maker",
        source: "manual",
        at: 2,
      }) as const;
    const partly = apply([{ type: "order_resting", order }, fill(5)]);
    expect(partly.orders["o-1"]?.remaining).toBe(5);
    expect(partly.fills).toHaveLength(1);
    expect(applyMessage(partly, fill(0)).orders["o-1"]).toBeUndefined();
    const cancelled = applyMessage(partly, {
      type: "order_cancelled",
      orderId: "o-1",
      cid: "c-1",
      instrument: order.instrument,
      side: "buy",
      price: 2540,
      source: "manual",
      remaining: 5,
      reason: "user_requested",
    });
    expect(cancelled.orders).toEqual({});
  });

  it("records command outcomes by cid and last prices from trades", () => {
    const state = apply([
      { type: "command_result", cid: "a", status: "accepted", orderIds: ["o-9"] },
      {
        type: "command_result",
        cid: "b",
        status: "rejected",
        code: "MM_POS_LIMIT",
        message: "Position exceeds ±50",
      },
      { type: "trade", tradeId: "t-1", instrument: "X", price: 250, quantity: 1, aggressor: "buy", at: 3 },
    ]);
    expect(state.outcomes.a).toEqual({ status: "accepted", orderIds: ["o-9"] });
    expect(state.outcomes.b).toMatchObject({ status: "rejected", message: "Position exceeds ±50" });
    expect(state.lastPrice.X).toBe(250);
  });
});
