export { ConnectionRole, ROOM_TOKEN_TTL_SECONDS, RoomClaims, roomNameFor, ServerClaims } from "./room-claims";
