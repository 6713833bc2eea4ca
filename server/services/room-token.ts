import { SignJWT } from "jose";
import type { z } from "zod";
import { ROOM_TOKEN_TTL_SECONDS, type RoomClaims, roomNameFor } from "@/party/core/auth";

/**
 * Mints the short-lived HS256 token a browser presents to its game's room. The audience is the room name,
 * so a token for one game never opens another.
 */
export async function mintRoomToken(
  claims: z.input<typeof RoomClaims>,
  secret: string,
  options: { ttlSeconds?: number; nowSeconds?: number } = {},
): Promise<{ token: string; expiresAt: number }> {
  const iat = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const exp = iat + (options.ttlSeconds ?? ROOM_TOKEN_TTL_SECONDS);
  const token = await new SignJWT({
    name: claims.name,
    gameId: claims.gameId,
    teamId: claims.teamId,
    role: claims.role,
    source: claims.source ?? "manual",
  })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setAudience(roomNameFor(claims.gameId))
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: exp };
}
