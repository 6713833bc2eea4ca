/** Sides, orders and results of one instrument's book. Prices are integer ticks, quantities whole contracts. */
export type Side = "buy" | "sell";

export type IncomingOrder = {
  readonly id: string;
  readonly owner: string;
  readonly side: Side;
  readonly type: "limit" | "market";
  /** Required for limits; ignored for markets. */
  readonly price?: number;
  readonly quantity: number;
  /** `gtc` rests the unfilled rest (for the session); `ioc` cancels it. Markets are always IOC. */
  readonly tif: "gtc" | "ioc";
};

export type RestingOrder = {
  readonly id: string;
  readonly owner: string;
  readonly side: Side;
  readonly price: number;
  readonly remaining: number;
};

/** One match: the resting order is the maker and sets the price; the incoming order is the taker. */
export type BookFill = {
  readonly makerOrderId: string;
  readonly makerOwner: string;
  readonly takerOrderId: string;
  readonly takerOwner: string;
  readonly takerSide: Side;
  readonly price: number;
  readonly quantity: number;
  readonly makerRemaining: number;
};

export type MatchResult = {
  readonly fills: BookFill[];
  /** The owner's own resting orders cancelled because the incoming order would have traded with them. */
  readonly selfTradeCancels: RestingOrder[];
  /** Quantity left after matching. */
  readonly remaining: number;
  /** True when the remainder joined the book. */
  readonly rested: boolean;
  /** Why an unfilled remainder was dropped, if it was. */
  readonly dropped: "no_liquidity" | "ioc" | null;
};

export type DepthLevel = readonly [price: number, quantity: number];

/** What every book implementation offers; one contract suite runs against each. */
export interface Book {
  submit(order: IncomingOrder): MatchResult;
  cancel(orderId: string): RestingOrder | null;
  cancelOwner(owner: string): RestingOrder[];
  get(orderId: string): RestingOrder | null;
  bestBid(): number | null;
  bestAsk(): number | null;
  depth(levels: number): { bids: DepthLevel[]; asks: DepthLevel[] };
  /** Every resting order, bids best-first then asks best-first, FIFO within a level. */
  orders(): RestingOrder[];
}
