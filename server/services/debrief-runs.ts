import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db";
import { runRecord } from "../db/schema";

/**
 * One run of a game: from a start (or a reset, or a rematch) to the next. A reset or rematch keeps the game's records
 * and their seq, and restarts the game clock at the first session. `from`/`to` are the game times (game-epoch ms) of
 * the run's start (or first fill or mark) and its last fill or mark; `seed` and `origin` come from the room's run
 * record (null for games recorded before rooms wrote them).
 */
export type GameRun = {
  run: number;
  fromSeq: number;
  toSeq: number;
  from: number;
  to: number;
  seed: number | null;
  origin: "start" | "reset" | "rematch" | null;
};

type Row = { seq: unknown; at: unknown; prev_at: unknown; rn: unknown; n: unknown };

/**
 * The runs of a game, oldest first: from the room's run records (each start after a reset or rematch writes one),
 * each run reaching to the record before the next; for games recorded before run records, inferred from fills and
 * marks (`inferredRuns`).
 */
export async function gameRuns(db: Db, gameId: string): Promise<GameRun[]> {
  const starts = await db
    .select({
      seq: runRecord.seq,
      at: runRecord.at,
      run: runRecord.run,
      seed: runRecord.seed,
      origin: runRecord.origin,
    })
    .from(runRecord)
    .where(eq(runRecord.gameId, gameId))
    .orderBy(asc(runRecord.seq));
  if (starts.length === 0) return inferredRuns(db, gameId);
  const runs: GameRun[] = [];
  for (const [i, start] of starts.entries()) {
    const next = starts[i + 1];
    const toSeq = next ? next.seq - 1 : Number.MAX_SAFE_INTEGER;
    const result = (await db.execute(sql`
      select max(at) as at from (
        select at from fill_record where game_id = ${gameId} and seq between ${start.seq} and ${toSeq}
        union all
        select at from mark_record where game_id = ${gameId} and seq between ${start.seq} and ${toSeq}
      ) r`)) as unknown as { rows: { at: unknown }[] };
    const last = result.rows[0];
    const to = last?.at === null || last?.at === undefined ? start.at : Number(last.at);
    runs.push({
      run: i + 1,
      fromSeq: start.seq,
      toSeq,
      from: start.at,
      to,
      seed: start.seed,
      origin: start.origin,
    });
  }
  return runs;
}

/**
 * Runs inferred from fills and marks, oldest first (none before the first fill or mark): one window query returns
 * the first record, the last, and each record whose game time is earlier than the one before it. Limitation: a reset
 * before the clock moved past the previous run's last fill or mark is not seen.
 */
async function inferredRuns(db: Db, gameId: string): Promise<GameRun[]> {
  const result = (await db.execute(sql`
    select seq, at, prev_at, rn, n from (
      select seq, at, lag(at) over w as prev_at, row_number() over w as rn, count(*) over () as n
      from (
        select seq, at from fill_record where game_id = ${gameId}
        union all
        select seq, at from mark_record where game_id = ${gameId}
      ) r
      window w as (order by seq)
    ) x
    where at < prev_at or rn = 1 or rn = n
    order by seq`)) as unknown as { rows: Row[] };
  const rows = result.rows.map((r) => ({
    seq: Number(r.seq),
    at: Number(r.at),
    prevAt: r.prev_at === null ? null : Number(r.prev_at),
    first: Number(r.rn) === 1,
    last: Number(r.rn) === Number(r.n),
  }));
  const runs: GameRun[] = [];
  for (const row of rows) {
    const current = runs.at(-1);
    const starts = row.first || (row.prevAt !== null && row.at < row.prevAt);
    if (starts) {
      if (current && row.prevAt !== null) {
        current.toSeq = row.seq - 1;
        current.to = row.prevAt;
      }
      runs.push({
        run: runs.length + 1,
        fromSeq: row.seq,
        toSeq: row.seq,
        from: row.at,
        to: row.at,
        seed: null,
        origin: null,
      });
    }
    if (row.last) {
      const run = runs.at(-1) as GameRun;
      run.toSeq = row.seq;
      run.to = row.at;
    }
  }
  return runs;
}
