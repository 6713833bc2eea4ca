import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_LIMITS } from "./role-limits";
import { TokenBucket } from "./token-bucket";
import { type OrderRequest, type ValidationInput, validateOrder } from "./validate-order";

const X = "SPX_4400_CALL_2024-02-15";
const base = (over: Partial<ValidationInput> = {}): ValidationInput => ({
  phase: "continuous",
  limits: DEFAULT_ROLE_LIMITS.market_maker,
  listed: new Set([X]),
  exposure: { position: 0, openBuy: 0, openSell: 0 },
  otherExposure: 0,
  priceBand: { min: 1, max: 1_000_000 },
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
    const hf = base({
      limits: DEFAULT_ROLE_LIMITS.hedge_fund,
      exposure: { position: 0, openBuy: 0, openSell: 10 },
    });
    expect(code(buy(), hf)).toBe("TWO_SIDED_NOT_ALLOWED");
    expect(code({ kind: "market", instrument: X, side: "buy", quantity: 1 }, hf)).toBeNull(); // markets never rest
  });

  it("<ROLE>_POS_LIMIT and <ROLE>_PORTFOLIO_LIMIT count open orders worst-case", () => {
    expect(code(buy(10), base({ exposure: { position: 45, openBuy: 0, openSell: 0 } }))).toBe("MM_POS_LIMIT");
    // Others: +50, +50, −50 filled and 45 open to buy elsewhere = 195 worst case.
    expect(validateOrder(buy(10), base({ otherExposure: 195 }))).toEqual({
      code: "MM_PORTFOLIO_LIMIT",
      message: "Total position could reach 205, over 200.",
    });
  });

  it("PRICE_OUT_OF_RANGE outside the band, before size", () => {
    expect(validateOrder(buy(5_000, 1_000_001), base())).toEqual({
      code: "PRICE_OUT_OF_RANGE",
      message: "Price 1000001 ticks is outside the accepted range 1–1000000.",
    });
    expect(code(buy(10, 1_000_000), base())).toBeNull();
  });

  it("a quote's two sides are checked together against the limits", () => {
    const quote: OrderRequest = {
      kind: "quote",
      instrument: X,
      bid: { price: 2490, quantity: 30 },
      ask: { price: 2510, quantity: 30 },
    };
    expect(code(quote, base({ exposure: { position: 25, openBuy: 0, openSell: 0 } }))).toBe("MM_POS_LIMIT");
    expect(code(quote, base({ exposure: { position: 20, openBuy: 0, openSell: 0 } }))).toBeNull();
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
