import { jwtVerify } from "jose";
import { RoomClaims, ServerClaims } from "./core/auth";

export type VerifyFailure = "missing" | "invalid" | "expired" | "wrong_room";

/**
 * Verifies a room token (HS256, minted by the Next server) for this room.
 * A token for another room, an expired one or a forged one is refused.
 */
export async function verifyRoomToken(
  token: string | null,
  secret: string,
  roomName: string,
): Promise<{ ok: true; claims: RoomClaims } | { ok: false; reason: VerifyFailure }> {
  if (!token) return { ok: false, reason: "missing" };
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      audience: roomName,
    });
    const claims = RoomClaims.safeParse(payload);
    return claims.success ? { ok: true, claims: claims.data } : { ok: false, reason: "invalid" };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_JWT_EXPIRED") return { ok: false, reason: "expired" };
    if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") return { ok: false, reason: "wrong_room" };
    return { ok: false, reason: "invalid" };
  }
}

/** Header that carries verified claims from `onBeforeConnect` to `onConnect`. */
export const CLAIMS_HEADER = "x-outcry-claims";

/** Verifies the bearer token of a server-to-room call (the Next server configuring this room). */
export async function verifyServerToken(authorization: string | null, secret: string, roomName: string) {
  const token = authorization?.startsWith("Bearer ") ? authorization.slice(7) : null;
  if (!token) return false;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      audience: roomName,
    });
    return ServerClaims.safeParse(payload).success;
  } catch {
    return false;
  }
}
