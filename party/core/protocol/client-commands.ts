import { z } from "zod";
import { GameConfig } from "./game-config";
import { Seed } from "./room-setup";

/** Client correlation id: echoed on the command's result so a client can match answers to requests. */
export const Cid = z.string().min(1, "cid is required").max(64, "cid is at most 64 characters");

/** Integer price in ticks ($0.01). Upper bound keeps notional × 100 far inside safe integers. */
export const PriceTicks = z
  .number({ error: "price must be a number of ticks (integer cents)" })
  .int("price must be a whole number of ticks (cents)")
  .positive("price must be above zero")
  .max(10_000_000, "price is too large");

/** Integer quantity in lots (contracts). */
export const Quantity = z
  .number({ error: "quantity must be a number of contracts" })
  .int("quantity must be a whole number of contracts")
  .positive("quantity must be at least 1")
  .max(100_000, "quantity is too large");

export const InstrumentSymbol = z.string().min(1).max(48);
export const Side = z.enum(["buy", "sell"]);

export const PlaceOrder = z.object({
  type: z.literal("place_order"),
  cid: Cid,
  instrument: InstrumentSymbol,
  side: Side,
  orderType: z.enum(["limit", "market"]),
  /** Limit orders only. */
  price: PriceTicks.optional(),
  quantity: Quantity,
  /** Limits rest for the session (`gtc`) or fill what they can at once (`ioc`); markets are always IOC. */
  tif: z.enum(["gtc", "ioc"]).default("gtc"),
});

export const CancelOrder = z.object({
  type: z.literal("cancel_order"),
  cid: Cid,
  orderId: z.string().min(1).max(64),
});
export const CancelAll = z.object({
  type: z.literal("cancel_all"),
  cid: Cid,
  instrument: InstrumentSymbol.optional(),
});

export const QuoteSide = z.object({ price: PriceTicks, quantity: Quantity });
export const Quote = z.object({
  type: z.literal("quote"),
  cid: Cid,
  instrument: InstrumentSymbol,
  bid: QuoteSide,
  ask: QuoteSide,
});
export const CancelQuote = z.object({
  type: z.literal("cancel_quote"),
  cid: Cid,
  instrument: InstrumentSymbol,
});

/** The trading commands a team may send, alone or in a batch. */
export const TradingCommand = z.discriminatedUnion("type", [
  PlaceOrder,
  CancelOrder,
  CancelAll,
  Quote,
  CancelQuote,
]);
export type TradingCommand = z.infer<typeof TradingCommand>;

export const MAX_BATCH = 50;
export const Batch = z.object({
  type: z.literal("batch"),
  cid: Cid,
  commands: z.array(TradingCommand).min(1).max(MAX_BATCH, `a batch carries at most ${MAX_BATCH} commands`),
});
export type Batch = z.infer<typeof Batch>;

/** Instructor commands: accepted only on a connection whose room token says `instructor`. */
export const AdminCommand = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start_game"), cid: Cid }),
  z.object({ type: z.literal("pause"), cid: Cid }),
  z.object({ type: z.literal("resume"), cid: Cid }),
  z.object({ type: z.literal("advance_phase"), cid: Cid }),
  z.object({
    type: z.literal("set_speed"),
    cid: Cid,
    speed: z.number().int("speed is a whole multiple of real time").min(1).max(240),
  }),
  z.object({
    type: z.literal("inject_news"),
    cid: Cid,
    /** A headline from the published table by its index, or a custom headline with no market effect. */
    headline: z.union([
      z.object({ index: z.number().int().min(0).max(100) }),
      z.object({ text: z.string().trim().min(1).max(140) }),
    ]),
  }),
  /** Settings for the next start (before a game starts, or between a reset/rematch and the next start). */
  z.object({ type: z.literal("configure_game"), cid: Cid, config: GameConfig }),
  z.object({ type: z.literal("end_game"), cid: Cid }),
  z.object({ type: z.literal("reset_game"), cid: Cid }),
  z.object({
    type: z.literal("rematch"),
    cid: Cid,
    seed: Seed.optional(),
  }),
]);
export type AdminCommand = z.infer<typeof AdminCommand>;
