import { jwtVerify, SignJWT } from "jose";
import { RoomServiceClaims, SERVER_AUDIENCE } from "@/party/core/auth";

/** Mints the token a room presents when it calls the server (used by rooms and by tests). */
export async function mintRoomServiceToken(gameId: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ gameId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("outcry-room")
    .setAudience(SERVER_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode(secret));
}

/** The game a room-to-server call speaks for, or null when its bearer token is missing, forged or expired. */
export async function verifyRoomServiceToken(
  authorization: string | null,
  secret: string,
): Promise<string | null> {
  const token = authorization?.startsWith("Bearer ") ? authorization.slice(7) : null;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      audience: SERVER_AUDIENCE,
    });
    const claims = RoomServiceClaims.safeParse(payload);
    return claims.success ? claims.data.gameId : null;
  } catch {
    return null;
  }
}
