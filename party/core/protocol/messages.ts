import { z } from "zod";
import { AdminCommand, Batch, TradingCommand } from "./client-commands";

/** Bumped whenever a message shape changes; both ends check it on connect. */
export const PROTOCOL_VERSION = 1;

/** Client → room messages are imperatives and carry a client id (`cid`) for correlation. */
export const Ping = z.object({ type: z.literal("ping"), cid: z.string().min(1).max(64) });

/**
 * Which books' depth updates this connection wants: `"all"` (the default on connect) or a list of instruments.
 * Trades, clock, news and private events always arrive. Newly subscribed books come back as `book_snapshot`s.
 */
export const Subscribe = z.object({
  type: z.literal("subscribe"),
  cid: z.string().min(1).max(64),
  books: z.union([z.literal("all"), z.array(z.string().min(1).max(48)).max(300)]),
});
export type Subscribe = z.infer<typeof Subscribe>;
export const ClientMessage = z.discriminatedUnion("type", [
  Ping,
  Subscribe,
  ...TradingCommand.options,
  Batch,
  ...AdminCommand.options,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Stable codes for frames the room cannot accept. */
export type RejectionCode = "BAD_MESSAGE" | "FRAME_TOO_LARGE";

/** The largest frame the room reads, in characters. Anything bigger is rejected unread. */
export const MAX_FRAME_CHARS = 64 * 1024;
