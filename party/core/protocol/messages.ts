import { z } from "zod";
import { AdminCommand, Batch, TradingCommand } from "./client-commands";

/** Bumped whenever a message shape changes; both ends check it on connect. */
export const PROTOCOL_VERSION = 1;

/** Client → room messages are imperatives and carry a client id (`cid`) for correlation. */
export const Ping = z.object({ type: z.literal("ping"), cid: z.string().min(1).max(64) });
export const ClientMessage = z.discriminatedUnion("type", [
  Ping,
  ...TradingCommand.options,
  Batch,
  ...AdminCommand.options,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Stable codes for frames the room cannot accept. */
export type RejectionCode = "BAD_MESSAGE" | "FRAME_TOO_LARGE";

/** The largest frame the room reads, in characters. Anything bigger is rejected unread. */
export const MAX_FRAME_CHARS = 64 * 1024;
