import { and, asc, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../db";
import { fillRecord, markRecord, runRecord, scoreRecord } from "../db/schema";

/**
 * What a game's records say about how far it got (the room owns the live state; the app only hears its records).
 * `ended`: its latest run ended (a final score is recorded and no mark or fill came after it; a reset or rematch
 * continues the same record). `lastPlayedAt`: game time of its latest 5-minute mark (game-epoch ms).
 */
export type GameHistory = {
  fills: number;
  lastPlayedAt: number | null;
  ended: boolean;
  /** Each run (its first start, and each start after a reset or rematch) with its seed, oldest first. */
  runs: { run: number; seed: number; origin: "start" | "reset" | "rematch" }[];
};

const EMPTY = (): GameHistory => ({ fills: 0, lastPlayedAt: null, ended: false, runs: [] });

/** History of each game by id (games without records get zeros). Five indexed queries, whatever the count. */
export async function historyOf(db: Db, gameIds: readonly string[]): Promise<Map<string, GameHistory>> {
  const out = new Map<string, GameHistory>(gameIds.map((id) => [id, EMPTY()]));
  if (gameIds.length === 0) return out;
  const ids = [...gameIds];
  const [fills, lastFill, lastMark, finals, runs] = await Promise.all([
    db
      .select({ gameId: fillRecord.gameId, n: count() })
      .from(fillRecord)
      .where(inArray(fillRecord.gameId, ids))
      .groupBy(fillRecord.gameId),
    db
      .select({ gameId: fillRecord.gameId, seq: max(fillRecord.seq) })
      .from(fillRecord)
      .where(inArray(fillRecord.gameId, ids))
      .groupBy(fillRecord.gameId),
    db
      .selectDistinctOn([markRecord.gameId], {
        gameId: markRecord.gameId,
        seq: markRecord.seq,
        at: markRecord.at,
      })
      .from(markRecord)
      .where(inArray(markRecord.gameId, ids))
      .orderBy(markRecord.gameId, desc(markRecord.seq)),
    db
      .select({ gameId: scoreRecord.gameId, seq: max(scoreRecord.seq) })
      .from(scoreRecord)
      .where(and(inArray(scoreRecord.gameId, ids), eq(scoreRecord.scope, "final")))
      .groupBy(scoreRecord.gameId),
    db
      .select({
        gameId: runRecord.gameId,
        run: runRecord.run,
        seed: runRecord.seed,
        origin: runRecord.origin,
      })
      .from(runRecord)
      .where(inArray(runRecord.gameId, ids))
      .orderBy(runRecord.gameId, asc(runRecord.seq)),
  ]);
  const get = (id: string) => out.get(id) ?? EMPTY();
  for (const r of runs) get(r.gameId).runs.push({ run: r.run, seed: Number(r.seed), origin: r.origin });
  for (const f of fills) get(f.gameId).fills = Number(f.n);
  for (const m of lastMark) get(m.gameId).lastPlayedAt = Number(m.at);
  for (const f of finals) {
    const final = Number(f.seq);
    const markSeq = Number(lastMark.find((m) => m.gameId === f.gameId)?.seq ?? 0);
    const fillSeq = Number(lastFill.find((x) => x.gameId === f.gameId)?.seq ?? 0);
    get(f.gameId).ended = final > Math.max(markSeq, fillSeq);
  }
  return out;
}
