export { changed, MarketDataCoalescer } from "./market-data-coalescer";
