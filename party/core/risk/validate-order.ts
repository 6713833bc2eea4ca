import { admits, type Phase } from "../phases";
import { QUOTE_RULES, type RoleLimits } from "./role-limits";
import type { TokenBucket } from "./token-bucket";
import { type Exposure, worstCase } from "./worst-case-exposure";

export type Rejection = { code: string; message: string };

export type OrderRequest =
  | { kind: "limit" | "market"; instrument: string; side: "buy" | "sell"; price?: number; quantity: number }
  | {
      kind: "quote";
      instrument: string;
      bid: { price: number; quantity: number };
      ask: { price: number; quantity: number };
    };

export type ValidationInput = {
  phase: Phase;
  limits: RoleLimits;
  listed: ReadonlySet<string>;
  /** The team's position and open quantity per side on this order's instrument, before this order. */
  exposure: Exposure;
  /** Sum of the team's worst-case exposures on every other instrument. */
  otherExposure: number;
  /** Accepted limit prices, in ticks (GAME.md §5.3 `PRICE_OUT_OF_RANGE`). */
  priceBand: { min: number; max: number };
  bucket: TokenBucket;
  team: string;
  nowMs: number;
};

/**
 * Pre-trade validation. Checks run in this order and the first failure wins:
 * 1 phase · 2 instrument listed · 3 order type allowed for the role · 4 price present for limits · 5 price in the
 * band · 6 size bounds · 7 quote rules · 8 one-sided rule (hedge fund) · 9 worst-case position limits (per option,
 * then total) · 10 rate limit (last, so a rejected order never uses up a token; a quote costs two).
 */
export function validateOrder(order: OrderRequest, input: ValidationInput): Rejection | null {
  const { limits } = input;
  const phase = admits(input.phase, order.kind);
  if (phase) return phase;
  if (!input.listed.has(order.instrument)) {
    return { code: "INVALID_INSTRUMENT", message: `${order.instrument} is not a listed option.` };
  }
  if (!limits.orderTypes.includes(order.kind)) {
    return { code: "ORDER_TYPE_NOT_ALLOWED", message: `Your role cannot send ${order.kind} orders.` };
  }
  if (order.kind === "limit" && order.price === undefined) {
    return { code: "MISSING_PRICE", message: "A limit order needs a price." };
  }
  const band = priceProblem(order, input.priceBand);
  if (band) return { code: "PRICE_OUT_OF_RANGE", message: band };
  if (order.kind !== "quote" && (order.quantity < limits.minSize || order.quantity > limits.maxSize)) {
    return {
      code: `${limits.codePrefix}_SIZE`,
      message: `Order size must be between ${limits.minSize} and ${limits.maxSize}.`,
    };
  }
  if (order.kind === "quote") {
    const problem = quoteProblem(order.bid, order.ask);
    if (problem) return { code: "QUOTE_INVALID", message: problem };
  }
  if (order.kind === "limit" && limits.oneSided) {
    const oppositeOpen = order.side === "buy" ? input.exposure.openSell : input.exposure.openBuy;
    if (oppositeOpen > 0) {
      return {
        code: "TWO_SIDED_NOT_ALLOWED",
        message: "Hedge funds may not hold a bid and an ask on the same option.",
      };
    }
  }
  const e = input.exposure;
  const next =
    order.kind === "quote"
      ? { ...e, openBuy: e.openBuy + order.bid.quantity, openSell: e.openSell + order.ask.quantity }
      : order.side === "buy"
        ? { ...e, openBuy: e.openBuy + order.quantity }
        : { ...e, openSell: e.openSell + order.quantity };
  const own = worstCase(next);
  if (own > limits.perInstrument) {
    return {
      code: `${limits.codePrefix}_POS_LIMIT`,
      message: `Position could reach ${own}, over ±${limits.perInstrument} on this option.`,
    };
  }
  const total = own + input.otherExposure;
  if (total > limits.total) {
    return {
      code: `${limits.codePrefix}_PORTFOLIO_LIMIT`,
      message: `Total position could reach ${total}, over ${limits.total}.`,
    };
  }
  if (!input.bucket.take(input.team, input.nowMs, order.kind === "quote" ? 2 : 1)) {
    return {
      code: "RATE_LIMIT",
      message: "Too many orders: 20 a second, bursts of 40. This one was not sent.",
    };
  }
  return null;
}

function priceProblem(order: OrderRequest, band: { min: number; max: number }): string | null {
  const prices =
    order.kind === "quote" ? [order.bid.price, order.ask.price] : order.kind === "limit" ? [order.price] : [];
  for (const price of prices) {
    if (price !== undefined && (price < band.min || price > band.max)) {
      return `Price ${price} ticks is outside the accepted range ${band.min}–${band.max}.`;
    }
  }
  return null;
}

function quoteProblem(
  bid: { price: number; quantity: number },
  ask: { price: number; quantity: number },
): string | null {
  for (const [name, side] of [
    ["bid", bid],
    ["ask", ask],
  ] as const) {
    if (side.quantity < QUOTE_RULES.minSize || side.quantity > QUOTE_RULES.maxSize) {
      return `Quote ${name} size must be between ${QUOTE_RULES.minSize} and ${QUOTE_RULES.maxSize}.`;
    }
  }
  if (bid.price >= ask.price) return "The quote's bid must be below its ask.";
  const spread = ask.price - bid.price;
  const maxSpread = Math.max(
    Math.floor(((bid.price + ask.price) * QUOTE_RULES.maxSpreadBpOfMid) / 20_000),
    QUOTE_RULES.minMaxSpreadTicks,
  );
  if (spread > maxSpread)
    return `The quote's spread of ${spread} ticks is wider than ${maxSpread} (10% of mid).`;
  return null;
}
