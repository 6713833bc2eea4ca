import { z } from "zod";
import { PlaceOrder, Quote } from "../core/protocol/client-commands";

/**
 * What a bot may ask for, parsed with zod on the way out of the sandbox: a bot can write anything into its
 * action list, and only well-formed actions reach the exchange.
 */
export const BotAction = z.discriminatedUnion("type", [
  PlaceOrder.omit({ cid: true }),
  z.object({ type: z.literal("cancel_order"), orderId: z.string().min(1).max(64) }),
  z.object({ type: z.literal("cancel_all"), instrument: z.string().min(1).max(48).optional() }),
  Quote.omit({ cid: true }),
  z.object({ type: z.literal("cancel_quote"), instrument: z.string().min(1).max(48) }),
  z.object({ type: z.literal("set_timer"), everyMs: z.number().int().min(250).max(3_600_000) }),
]);
export type BotAction = z.infer<typeof BotAction>;

export const BOT_EVENTS = [
  "onStart",
  "onBook",
  "onTrade",
  "onFill",
  "onOrderResult",
  "onNews",
  "onSignal",
  "onTimer",
  "onPhase",
] as const;
export type BotEventName = (typeof BOT_EVENTS)[number];
