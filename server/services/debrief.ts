import { and, asc, between, eq } from "drizzle-orm";
import type { Db } from "../db";
import { coverageRecord, fillRecord, markRecord, scoreRecord } from "../db/schema";
import { computeDebrief } from "./debrief-compute";
import { gameRuns } from "./debrief-runs";
import { getGameForUser } from "./game";
import { ServiceError } from "./service-error";

/**
 * The debrief of the game's teams from its durable records: the instructor gets every team, a player only their
 * own. Works during a game too (the records arrive as the room ships them). One run at a time (a reset or rematch
 * starts a new run of the same records, debrief-runs.ts): `run`, or the latest (also for a run that does not exist).
 */
export async function debriefFor(
  db: Db,
  input: { userId: string; gameId: string; run?: number | undefined },
) {
  const view = await getGameForUser(db, input.gameId, input.userId);
  const teams = view.access === "instructor" ? view.teams : view.team ? [view.team] : [];
  if (view.access === "player" && teams.length === 0)
    throw new ServiceError("NOT_IN_GAME", "Join a team of this game to see its debrief.");
  const runs = await gameRuns(db, input.gameId);
  // The run asked for, else the latest (the response's `run` says which one this is).
  const run = runs.find((r) => r.run === input.run) ?? runs.at(-1);
  // Records between this run's start and the next run's (the first run from the start, the last to the end).
  const lo = !run || run.run === 1 ? 0 : run.fromSeq;
  const hi = !run || run.run === runs.length ? Number.MAX_SAFE_INTEGER : run.toSeq;
  const marks = await db
    .select({
      seq: markRecord.seq,
      at: markRecord.at,
      instrument: markRecord.instrument,
      markTicks: markRecord.markTicks,
    })
    .from(markRecord)
    .where(and(eq(markRecord.gameId, input.gameId), between(markRecord.seq, lo, hi)))
    .orderBy(asc(markRecord.seq));
  const results = [];
  for (const t of teams) {
    const fills = await db
      .select({
        seq: fillRecord.seq,
        at: fillRecord.at,
        instrument: fillRecord.instrument,
        side: fillRecord.side,
        price: fillRecord.price,
        quantity: fillRecord.quantity,
        feeCents: fillRecord.feeCents,
        source: fillRecord.source,
        tradeId: fillRecord.tradeId,
      })
      .from(fillRecord)
      .where(
        and(
          eq(fillRecord.gameId, input.gameId),
          eq(fillRecord.teamId, t.id),
          between(fillRecord.seq, lo, hi),
        ),
      )
      .orderBy(asc(fillRecord.seq));
    const coverage = await db
      .select({ at: coverageRecord.at, coverageBp: coverageRecord.coverageBp })
      .from(coverageRecord)
      .where(
        and(
          eq(coverageRecord.gameId, input.gameId),
          eq(coverageRecord.teamId, t.id),
          between(coverageRecord.seq, lo, hi),
        ),
      )
      .orderBy(asc(coverageRecord.seq));
    const scores = await db
      .select({
        scope: scoreRecord.scope,
        session: scoreRecord.session,
        pnlCents: scoreRecord.pnlCents,
        scoreBp: scoreRecord.scoreBp,
      })
      .from(scoreRecord)
      .where(
        and(
          eq(scoreRecord.gameId, input.gameId),
          eq(scoreRecord.teamId, t.id),
          between(scoreRecord.seq, lo, hi),
        ),
      )
      .orderBy(asc(scoreRecord.seq));
    results.push({
      teamId: t.id,
      name: t.name,
      role: t.role,
      scores,
      ...computeDebrief(fills, marks, t.role, coverage),
    });
  }
  return {
    // The run's own seed (a rematch changes it), else the game's.
    game: { id: view.game.id, name: view.game.name, seed: run?.seed ?? view.game.seed },
    runs,
    run: run?.run ?? null,
    teams: results,
  };
}
