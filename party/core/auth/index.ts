export {
  ConnectionRole,
  ROOM_TOKEN_TTL_SECONDS,
  RoomClaims,
  RoomServiceClaims,
  roomNameFor,
  SERVER_AUDIENCE,
  ServerClaims,
} from "./room-claims";
