import { SignJWT } from "jose";
import { roomNameFor } from "@/party/core/auth";
import type { RoomSetup } from "@/party/core/protocol";

/** A one-minute token that lets this server configure one room (`ServerClaims`). */
export async function mintServerToken(gameId: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: "room-admin" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("outcry-server")
    .setAudience(roomNameFor(gameId))
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(new TextEncoder().encode(secret));
}

/**
 * Sends the game's setup to its room. The room ignores a setup older than the one it has. Throws with the room's
 * answer when it refuses, so callers can surface it.
 */
export async function pushRoomSetup(setup: RoomSetup, options: { partykitUrl: string; secret: string }) {
  const url = `${options.partykitUrl}/parties/main/${roomNameFor(setup.gameId)}/setup`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await mintServerToken(setup.gameId, options.secret)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(setup),
  });
  if (!response.ok) throw new Error(`room refused setup: ${response.status} ${await response.text()}`);
}
