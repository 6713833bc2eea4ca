export { ConnectionRole, ROOM_TOKEN_TTL_SECONDS, RoomClaims, roomNameFor } from "./room-claims";
