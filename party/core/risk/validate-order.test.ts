import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_LIMITS } from "./role-limits";
import { TokenBucket } from "./token-bucket";
import { type OrderRequest, type ValidationInput, validateOrder } from "./validate-order";

const X = "SPX_4400_CALL_2024-02-15";
const base = (over: Partial<ValidationInput> = {}): ValidationInput => ({
  phase: "continuous",
  limits: DEFAULT_ROLE_LIMITS.market_maker,
  listed: new Set([X]),
  exposures: {},
  restingSides: new Set(),
  bucket: new TokenBucket(),
  team: "t",
  nowMs: 0,
  ...over,
});
const buy = (quantity = 10, price: number | undefined = 2500): OrderRequest => ({
  kind: "limit",
  instrument: X,
  side: "buy",
  price,
  quantity,
});
const code = (order: OrderRequest, input: ValidationInput) => validateOrder(order, input)?.code ?? null;

describe("validateOrder: one worked scenario per rejection code, in the stated order", () => {
  it("accepts a plain order", () => {
    expect(validateOrder(buy(), base())).toBeNull();
  });

  it("MARKET_CLOSED and PHASE_NOT_ALLOWED come first", () => {
    expect(
      code({ kind: "limit", instrument: "nope", side: "buy", quantity: 0 }, base({ phase: "closed" })),
    ).toBe("MARKET_CLOSED");
    expect(
      code({ kind: "market", instrument: X, side: "buy", quantity: 1 }, base({ phase: "pre_open" })),
    ).toBe("PHASE_NOT_ALLOWED");
  });

  it("INVALID_INSTRUMENT, ORDER_TYPE_NOT_ALLOWED, MISSING_PRICE", () => {
    expect(code({ ...buy(), instrument: "SPX_1_CALL_2024-02-15" }, base())).toBe("INVALID_INSTRUMENT");
    const quote: OrderRequest = {
      kind: "quote",
      instrument: X,
      bid: { price: 2490, quantity: 10 },
      ask: { price: 2510, quantity: 10 },
    };
    expect(code(quote, base({ limits: DEFAULT_ROLE_LIMITS.hedge_fund }))).toBe("ORDER_TYPE_NOT_ALLOWED");
    expect(code({ kind: "limit", instrument: X, side: "buy", quantity: 10 }, base())).toBe("MISSING_PRICE");
  });

  it("<ROLE>_SIZE and QUOTE_INVALID", () => {
    expect(code(buy(1_001), base())).toBe("MM_SIZE");
    expect(code(buy(501), base({ limits: DEFAULT_ROLE_LIMITS.hedge_fund }))).toBe("HF_SIZE");
    const quote = (bid: number, ask: number, quantity = 10): OrderRequest => ({
      kind: "quote",
      instrument: X,
      bid: { price: bid, quantity },
      ask: { price: ask, quantity },
    });
    expect(validateOrder(quote(2510, 2500), base())).toEqual({
      code: "QUOTE_INVALID",
      message: "The quote's bid must be below its ask.",
    });
    expect(code(quote(2400, 2700), base())).toBe("QUOTE_INVALID"); // spread 300 > 10% of 2550
    expect(code(quote(2490, 2510, 5), base())).toBe("QUOTE_INVALID"); // under 10 a side
    expect(code(quote(10, 15), base())).toBeNull(); // tiny prices: 5 ticks is always allowed
  });

  it("TWO_SIDED_NOT_ALLOWED for the hedge fund", () => {
    const hf = base({ limits: DEFAULT_ROLE_LIMITS.hedge_fund, restingSides: new Set(["sell"]) });
    expect(code(buy(), hf)).toBe("TWO_SIDED_NOT_ALLOWED");
    expect(code({ kind: "market", instrument: X, side: "buy", quantity: 1 }, hf)).toBeNull(); // markets never rest
  });

  it("<ROLE>_POS_LIMIT and <ROLE>_PORTFOLIO_LIMIT count open orders worst-case", () => {
    expect(code(buy(10), base({ exposures: { [X]: { position: 45, openBuy: 0, openSell: 0 } } }))).toBe(
      "MM_POS_LIMIT",
    );
    const others = {
      A: { position: 50, openBuy: 0, openSell: 0 },
      B: { position: 50, openBuy: 0, openSell: 0 },
      C: { position: -50, openBuy: 0, openSell: 0 },
      D: { position: 0, openBuy: 45, openSell: 0 },
    };
    expect(validateOrder(buy(10), base({ exposures: others }))).toEqual({
      code: "MM_PORTFOLIO_LIMIT",
      message: "Total position could reach 205, over 200.",
    });
  });

  it("RATE_LIMIT last: rejected orders use no tokens, a quote costs two", () => {
    const input = base();
    for (let i = 0; i < 40; i++) expect(code(buy(1), input)).toBeNull();
    expect(code(buy(1), input)).toBe("RATE_LIMIT");
    const fresh = base();
    for (let i = 0; i < 100; i++) code(buy(5_000), fresh); // size rejections do not consume
    expect(code(buy(1), fresh)).toBeNull();
  });
});
