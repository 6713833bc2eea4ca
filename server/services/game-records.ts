import { eq } from "drizzle-orm";
import type { GameRecord, RecordBatch } from "@/party/core/protocol";
import type { Db } from "../db";
import {
  coverageRecord,
  fillRecord,
  game,
  markRecord,
  newsRecord,
  orderRecord,
  runRecord,
  scoreRecord,
  tradeRecord,
} from "../db/schema";
import { ServiceError } from "./service-error";

type Of<K extends GameRecord["kind"]> = Extract<GameRecord, { kind: K }>;
const strip = <R extends { kind: string }>({ kind: _kind, ...rest }: R) => rest;

/**
 * Stores a batch of a room's game records. Idempotent: (game, seq) is the key and duplicates are skipped, so a
 * retried batch, an overlapping batch or a room replaying after a restart never duplicates a record.
 */
export async function ingestRecords(db: Db, batch: RecordBatch) {
  const [found] = await db.select({ id: game.id }).from(game).where(eq(game.id, batch.gameId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  const gameId = batch.gameId;
  const pick = <K extends GameRecord["kind"]>(kind: K) =>
    batch.records.filter((r): r is Of<K> => r.kind === kind).map((r) => ({ gameId, ...strip(r) }));

  const inserted = await db.transaction(async (tx) => {
    let count = 0;
    const tables = [
      [tradeRecord, pick("trade")],
      [fillRecord, pick("fill")],
      [orderRecord, pick("order")],
      [markRecord, pick("mark")],
      [newsRecord, pick("news")],
      [scoreRecord, pick("score")],
      [runRecord, pick("run")],
      [coverageRecord, pick("coverage")],
    ] as const;
    for (const [table, rows] of tables) {
      if (rows.length === 0) continue;
      // Each table receives exactly the rows of its own kind; the union of tables defeats inference here.
      const target = table as typeof tradeRecord;
      const result = await tx
        .insert(target)
        .values(rows as (typeof tradeRecord.$inferInsert)[])
        .onConflictDoNothing()
        .returning({ seq: target.seq });
      count += result.length;
    }
    // A run record (a start, or the start after a reset or rematch) makes its seed the game's current seed; the
    // earlier runs keep theirs in run_record. Batches arrive in seq order, so the last one in a batch is the newest.
    const latest = pick("run").at(-1);
    if (latest) await tx.update(game).set({ seed: latest.seed }).where(eq(game.id, gameId));
    return count;
  });
  const throughSeq = Math.max(...batch.records.map((r) => r.seq));
  return { received: batch.records.length, inserted, throughSeq };
}
