import { SignJWT } from "jose";
import { ROOM_TOKEN_TTL_SECONDS, type RoomClaims, roomNameFor } from "../core/auth";

/**
 * The room token of a team's live bot: a player of its team whose orders carry source `bot`. The same HS256
 * token the Next server mints for browsers (server/services/room-token.ts), minted here because the runner
 * reconnects on its own, long after the deploy that started it.
 */
export async function mintBotRoomToken(
  input: { gameId: string; teamId: string; teamName: string; version: number },
  secret: string,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Omit<RoomClaims, "sub"> = {
    name: `${input.teamName} bot v${input.version}`,
    gameId: input.gameId,
    teamId: input.teamId,
    role: "player",
    source: "bot",
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(`bot:${input.teamId}`)
    .setAudience(roomNameFor(input.gameId))
    .setIssuedAt(now)
    .setExpirationTime(now + ROOM_TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(secret));
}
