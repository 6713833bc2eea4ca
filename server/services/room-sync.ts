import type { Db } from "../db";
import { pushRoomSetup } from "./room-admin";
import { roomSetupFor } from "./team";

export type RoomSyncEnv = { PARTYKIT_URL: string; ROOM_TOKEN_SECRET: string };

/**
 * Tells a game's room its current setup. Best effort: an unreachable room is logged, not an error for the caller —
 * the room receives the setup again before any browser connects (the room-token path syncs first).
 */
export async function syncRoom(db: Db, gameId: string, env: RoomSyncEnv): Promise<boolean> {
  if (env.PARTYKIT_URL === "") return false; // rooms disabled (router tests without a PartyKit server)
  // A busy or restarting room can drop a request: try three times (0, 250, 1,000 ms) before giving up.
  for (const [attempt, delayMs] of [0, 250, 1_000].entries()) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      await pushRoomSetup(await roomSetupFor(db, gameId), {
        partykitUrl: env.PARTYKIT_URL,
        secret: env.ROOM_TOKEN_SECRET,
      });
      return true;
    } catch (error) {
      console.warn(
        `room sync for game ${gameId} failed (attempt ${attempt + 1} of 3): ${(error as Error).message}`,
      );
    }
  }
  return false;
}
