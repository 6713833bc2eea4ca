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
