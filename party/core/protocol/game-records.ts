import { z } from "zod";

const Int = z.number().int();
const NonNeg = Int.nonnegative();
const Id = z.string().min(1).max(64);
const Side = z.enum(["buy", "sell"]);

/**
 * What a room ships to the server for the durable game record, in batches. `seq` numbers every record of one
 * game (1, 2, 3, …, across all kinds): it is the idempotency key, so a retried or replayed batch changes nothing.
 * Prices are ticks, quantities contracts, money cents, times game-epoch ms.
 */
export const GameRecord = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("trade"),
    seq: NonNeg,
    at: NonNeg,
    tradeId: Id,
    instrument: Id,
    price: NonNeg,
    quantity: NonNeg,
    aggressor: Side.nullable(),
    buyTeamId: Id,
    sellTeamId: Id,
  }),
  z.object({
    kind: z.literal("fill"),
    seq: NonNeg,
    at: NonNeg,
    tradeId: Id,
    teamId: Id,
    orderId: Id,
    instrument: Id,
    side: Side,
    price: NonNeg,
    quantity: NonNeg,
    feeCents: Int,
    liquidity: z.enum(["maker", "taker", "auction"]),
    source: z.enum(["manual", "bot", "api", "sim"]),
  }),
  z.object({
    kind: z.literal("order"),
    seq: NonNeg,
    at: NonNeg,
    orderId: Id,
    teamId: Id,
    instrument: Id,
    side: Side,
    orderType: z.enum(["limit", "market"]),
    price: NonNeg.nullable(),
    quantity: NonNeg,
    event: z.enum(["accepted", "rejected", "cancelled", "filled"]),
    reason: z.string().max(64).nullable(),
    source: z.enum(["manual", "bot", "api", "sim"]),
  }),
  z.object({ kind: z.literal("mark"), seq: NonNeg, at: NonNeg, instrument: Id, markTicks: NonNeg }),
  z.object({ kind: z.literal("news"), seq: NonNeg, at: NonNeg, headline: z.string().min(1).max(200) }),
  /** A market maker's quote coverage over one 5-minute window (GAME.md §11.2), at the window's end. */
  z.object({
    kind: z.literal("coverage"),
    seq: NonNeg,
    at: NonNeg,
    teamId: Id,
    coverageBp: Int.min(0).max(10_000),
    penaltyBp: NonNeg,
  }),
  /**
   * A run of the game begins: its first start, or the first start after a reset (same seed) or a rematch (new
   * seed). Runs number 1, 2, 3, …; every record after it, up to the next run, belongs to it.
   */
  z.object({
    kind: z.literal("run"),
    seq: NonNeg,
    at: NonNeg,
    run: Int.min(1),
    seed: NonNeg,
    origin: z.enum(["start", "reset", "rematch"]),
  }),
  z.object({
    kind: z.literal("score"),
    seq: NonNeg,
    at: NonNeg,
    teamId: Id,
    scope: z.enum(["session", "final"]),
    session: NonNeg,
    pnlCents: Int,
    /** Composite score in basis points of the maximum (0–10,000). */
    scoreBp: Int.min(0).max(10_000),
  }),
]);
export type GameRecord = z.infer<typeof GameRecord>;

export const MAX_RECORDS_PER_BATCH = 1_000;

export const RecordBatch = z.object({
  gameId: Id,
  records: z.array(GameRecord).min(1).max(MAX_RECORDS_PER_BATCH),
});
export type RecordBatch = z.infer<typeof RecordBatch>;
