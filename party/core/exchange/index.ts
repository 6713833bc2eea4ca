export { allocateAuction, indicative } from "./auction-allocation";
export { defaultExchangeConfig } from "./default-config";
export { Exchange } from "./exchange";
export { markOf } from "./marks";
export type {
  AccountCommand,
  Audience,
  ExchangeCommand,
  ExchangeConfig,
  ExchangeEffects,
  ExchangeState,
  OrderRecord,
  Routed,
} from "./types";
