import { SignJWT } from "jose";
import { z } from "zod";
import { SERVER_AUDIENCE } from "../core/auth";
import { BatchRefused, type ShipBatch } from "./record-shipper";

/** How long a room-service token lives (seconds): one batch. */
const TOKEN_TTL_SECONDS = 60;

const Acknowledgement = z.object({ throughSeq: z.number().int().nonnegative() });
const Refusal = z.object({ code: z.string(), message: z.string() });

/**
 * The token a room presents to the app (`RoomServiceClaims`, HS256, audience `outcry-server`), as
 * server/services/room-service-token.ts verifies it. Minted here because party/ cannot import server/.
 */
export async function mintRoomServiceToken(gameId: string, secret: string, nowMs = Date.now()) {
  const now = Math.floor(nowMs / 1000);
  return new SignJWT({ gameId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("outcry-room")
    .setAudience(SERVER_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(secret));
}

/**
 * Posts a batch to `POST <url>/api/rooms/<game>/records`. A 400 (the server parsed and refused the batch) is a
 * `BatchRefused`; anything else that is not a parsed acknowledgement is an error to retry. A request that takes
 * longer than `timeoutMs` is abandoned, so one hung request cannot stop shipping (at most one is in flight).
 */
export function httpShipBatch(options: {
  url: string;
  secret: string;
  /** The game the room plays, once the app has pushed its setup. */
  gameId: () => string | undefined;
  timeoutMs?: number;
}): ShipBatch {
  return async (records) => {
    const gameId = options.gameId();
    if (!gameId) throw new Error("no game setup yet");
    const response = await fetch(`${options.url}/api/rooms/${encodeURIComponent(gameId)}/records`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await mintRoomServiceToken(gameId, options.secret)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ gameId, records }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const ack = Acknowledgement.safeParse(body);
      if (ack.success) return ack.data;
      throw new Error(`records answer not understood (${response.status})`);
    }
    const refusal = Refusal.safeParse(body);
    const why = refusal.success ? `${refusal.data.code}: ${refusal.data.message}` : "no reason given";
    if (response.status === 400) throw new BatchRefused(why);
    throw new Error(`records refused: ${response.status} ${why}`);
  };
}
