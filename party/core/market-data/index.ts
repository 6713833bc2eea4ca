export { changed, MarketDataCoalescer } from "./market-data-coalescer";
export { mergeLevels } from "./merge-levels";
