export { type AuctionOrder, type Clearing, clearingPrice } from "./auction";
export { OrderBook } from "./order-book";
export { ReferenceBook } from "./reference-book";
export type {
  Book,
  BookFill,
  DepthLevel,
  IncomingOrder,
  MatchResult,
  RestingOrder,
  Side,
} from "./types";
