import { z } from "zod";

/**
 * Who a room connection belongs to. `instructor` runs the game; `player` trades for one team; `viewer` watches the
 * public market (the projector view) and can send nothing but pings.
 */
export const ConnectionRole = z.enum(["instructor", "player", "viewer"]);
export type ConnectionRole = z.infer<typeof ConnectionRole>;

/**
 * Claims of the short-lived room token the Next server mints and the game room verifies.
 * The room trusts only these claims: a team is taken from the token, never from a message.
 * `sub` is the user id, `aud` the room name (`game-<gameId>`), `exp`/`iat` are seconds since the epoch.
 */
export const RoomClaims = z.object({
  sub: z.string().min(1),
  name: z.string(),
  gameId: z.string().min(1),
  teamId: z.string().min(1).nullable(),
  role: ConnectionRole,
  /** What sends this connection's orders: a person in the browser, or the team's bot runner. */
  source: z.enum(["manual", "bot"]).default("manual"),
});
export type RoomClaims = z.infer<typeof RoomClaims>;

/** The PartyKit room name of a game: one room per game. */
export function roomNameFor(gameId: string): string {
  return `game-${gameId}`;
}

/** How long a room token is valid, in seconds. Clients fetch a fresh one on every (re)connect. */
export const ROOM_TOKEN_TTL_SECONDS = 10 * 60;

/**
 * Claims of a server-to-room call (the Next server configuring a room). Same secret as room tokens, but a distinct
 * subject and scope, so a browser's room token can never be used as one.
 */
export const ServerClaims = z.object({ sub: z.literal("outcry-server"), scope: z.literal("room-admin") });
export type ServerClaims = z.infer<typeof ServerClaims>;

/** Claims of a room-to-server call (a room shipping its game records). Audience `outcry-server`. */
export const RoomServiceClaims = z.object({ sub: z.literal("outcry-room"), gameId: z.string().min(1) });
export type RoomServiceClaims = z.infer<typeof RoomServiceClaims>;
export const SERVER_AUDIENCE = "outcry-server";
