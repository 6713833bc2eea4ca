import { z } from "zod";
import { GameConfig } from "./game-config";
import { TeamRole } from "./room-setup";

const Int = z.number().int();
const NonNeg = Int.nonnegative();
const Id = z.string().min(1).max(64);
const Side = z.enum(["buy", "sell"]);

const Text = (max: number) => z.string().max(max);
/** One compliance check as the team saw it (`ComplianceCheckView`), text as shown. */
const ComplianceCheckRecord = z.object({
  code: Id,
  label: Text(80),
  ok: z.boolean(),
  value: Text(80),
  threshold: Text(40),
  message: Text(300),
});
/** One role KPI behind the live score (`KpiView`); open-ended unit and band names, numbers as measured. */
const KpiRecord = z.object({
  code: Id,
  label: Text(80),
  value: z.number().finite().nullable(),
  unit: Text(16),
  band: Text(16).nullable(),
  points: z.number().finite().nullable(),
});

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
    /**
     * The run's option chain and settings. A run's record is written again, same `run`, when the instructor changes
     * the settings before its start (the latest wins). Optional: absent in records of rooms before configs.
     */
    preset: z.enum(["compact", "full"]).optional(),
    config: GameConfig.optional(),
  }),
  /**
   * A team's compliance at a 5-minute tick boundary (GAME.md §11): what the room's `compliance` message carries
   * (checks, penalties, score and KPIs), plus the figures the monitor measured at that tick: the window's quote
   * coverage (market makers; null before a window closed), the portfolio delta (SPX-equivalent contracts, rounded)
   * and gross notional per product (cents).
   */
  z.object({
    kind: z.literal("compliance"),
    seq: NonNeg,
    at: NonNeg,
    teamId: Id,
    role: TeamRole,
    penaltyBp: Int.min(0).max(10_000),
    scoreBp: Int.min(0).max(10_000).nullable(),
    checks: z.array(ComplianceCheckRecord).max(10),
    kpis: z.array(KpiRecord).max(20),
    coverageBp: Int.min(0).max(10_000).nullable(),
    delta: Int,
    spxNotionalCents: NonNeg,
    spyNotionalCents: NonNeg,
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
