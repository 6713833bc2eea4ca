export {
  type Recipient,
  type RoomCommand,
  type RoomEffects,
  RoomEngine,
  type RoomState,
} from "./room-engine";
export { canonicalJson, stateHash } from "./state-hash";
