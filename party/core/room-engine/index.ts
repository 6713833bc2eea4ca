export { type Actor, adminRefusal, tradingRefusal } from "./actor";
export { chainFor, instrumentInfo, MARKET_START, RETAIL_ACCOUNTS } from "./game-market";
export {
  type ClientCommand,
  type GameStatus,
  type Recipient,
  type RoomCommand,
  type RoomEffects,
  RoomEngine,
  type RoomState,
} from "./room-engine";
export { canonicalJson, stateHash } from "./state-hash";
