export {
  ClientMessage,
  MAX_FRAME_CHARS,
  PROTOCOL_VERSION,
  type RejectionCode,
  type ServerMessage,
} from "./messages";
export { parseClientMessage } from "./parse-client-message";
export type { Result } from "./result";
export { RoomSetup, TeamRole } from "./room-setup";
