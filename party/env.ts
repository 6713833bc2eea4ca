import { z } from "zod";

const RoomEnv = z.object({
  ROOM_TOKEN_SECRET: z.string().min(32, "ROOM_TOKEN_SECRET must be at least 32 characters"),
  /** Commands between snapshots; a restart replays at most this many. Snapshots cost storage round trips. */
  ROOM_SNAPSHOT_EVERY: z.coerce.number().int().min(10).max(1_000_000).default(5_000),
  /** Where the room ships its game records (the Next app's origin); unset turns shipping off. */
  RECORDS_URL: z.url("RECORDS_URL must be a URL such as http://localhost:3210").optional(),
});
export type RoomEnv = z.infer<typeof RoomEnv>;

/** Parses the room's env vars (`partykit dev --var`, or `partykit env add` when deployed). */
export function parseRoomEnv(env: Record<string, unknown>): RoomEnv {
  const parsed = RoomEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Room misconfigured: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return parsed.data;
}
