import { sql } from "drizzle-orm";
import type { Db } from "../db";

/**
 * One run of a game: from a start (or a reset, or a rematch) to the next. A reset or rematch keeps the game's records
 * and their seq, and restarts the game clock at the first session, so a run starts where game time goes back.
 * `from`/`to` are the game times (game-epoch ms) of the run's first and last fill or mark.
 */
export type GameRun = { run: number; fromSeq: number; toSeq: number; from: number; to: number };

type Row = { seq: unknown; at: unknown; prev_at: unknown; rn: unknown; n: unknown };

/**
 * The runs of a game, oldest first (none before its first fill or mark), from its fills and marks: one window query
 * returns the first record, the last, and each record whose game time is earlier than the one before it.
 * Limitation: a reset before the clock moved past the previous run's last fill or mark is not seen (nothing to
 * tell the runs apart by); the room records no reset, and that run had no P&L to speak of.
 */
export async function gameRuns(db: Db, gameId: string): Promise<GameRun[]> {
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
      runs.push({ run: runs.length + 1, fromSeq: row.seq, toSeq: row.seq, from: row.at, to: row.at });
    }
    if (row.last) {
      const run = runs.at(-1) as GameRun;
      run.toSeq = row.seq;
      run.to = row.at;
    }
  }
  return runs;
}
