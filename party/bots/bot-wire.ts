import { z } from "zod";

/**
 * The bots party's contract with the app: room names, the HTTP bodies the Next server sends (`POST …/deploy`,
 * `POST …/stop`, `GET …/status`) and the frames editors receive over its WebSocket. Pure: the app imports the
 * types, the server the room name and the schemas.
 */

/** Ids that go into a bots room name: no dots (the separator), nothing a URL would need to escape. */
const RoomPart = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "ids are 1–64 letters, digits, _ or -");

/** The bots party's room of one team's live bot: `<gameId>.<teamId>`. */
export function botRoomNameFor(gameId: string, teamId: string): string {
  return `${gameId}.${teamId}`;
}

/** The game and team a bots room serves, or null when the name is not one of ours. */
export function parseBotRoomName(name: string): { gameId: string; teamId: string } | null {
  const [gameId, teamId, ...rest] = name.split(".");
  if (rest.length > 0 || !RoomPart.safeParse(gameId).success || !RoomPart.safeParse(teamId).success)
    return null;
  return { gameId: gameId as string, teamId: teamId as string };
}

/** Longest bot the runner accepts (the app's limit is 100,000 characters; this leaves room for the JSON). */
export const MAX_DEPLOY_CODE_CHARS = 100_000;

export const DeployRequest = z.object({
  gameId: RoomPart,
  teamId: RoomPart,
  /** Shown in the room as the bot's name (`<team> bot v<n>`). */
  teamName: z.string().trim().min(1).max(80),
  /** The saved version's row id and its number (1, 2, 3, … per team). */
  versionId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  code: z.string().max(MAX_DEPLOY_CODE_CHARS, "the bot is over 100,000 characters"),
});
export type DeployRequest = z.infer<typeof DeployRequest>;

export const LiveBotState = z.enum(["starting", "running", "stopped"]);
export type LiveBotState = z.infer<typeof LiveBotState>;

/**
 * Why a live bot stopped: a sandbox budget or crash (the sandbox's `StopReason`s, which live-bot.ts passes here, so
 * `tsc` catches one missing), the team's Stop, a new deploy, or a failure to load.
 */
export const LiveStopReason = z.enum([
  "cpu_budget",
  "memory_budget",
  "action_budget",
  "log_budget",
  "crashed",
  "broke_api",
  "stopped_by_team",
  "replaced",
  "load_failed",
]);
export type LiveStopReason = z.infer<typeof LiveStopReason>;

export const LiveBotStatus = z.object({
  gameId: z.string(),
  teamId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  state: LiveBotState,
  reason: LiveStopReason.nullable(),
  /** A person-readable account of the stop (the budget it broke, the error it threw). */
  message: z.string().nullable(),
  /** Wall-clock ms. */
  startedAt: z.number(),
  stoppedAt: z.number().nullable(),
  /** Trading commands sent to the room since the deploy. */
  orders: z.number().int(),
  /** Whether its socket to the game room is open. */
  connected: z.boolean(),
});
export type LiveBotStatus = z.infer<typeof LiveBotStatus>;

export type BotLogLine = { at: number; line: string };

/** `GET …/status` (and the answer to deploy and stop): null status when nothing was ever deployed. */
export type BotStatusResponse = { status: LiveBotStatus | null; logs: BotLogLine[] };

/** Frames to editors: the whole status whenever it changes, and each log line as it happens. */
export type BotFrame =
  | { type: "bot_status"; status: LiveBotStatus | null }
  | { type: "bot_log"; line: string; at: number };

/** An error answer of the bots party: a stable code and a readable message. */
export type BotErrorResponse = { code: string; message: string };
