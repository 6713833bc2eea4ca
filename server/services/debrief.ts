import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db";
import { fillRecord, markRecord, scoreRecord } from "../db/schema";
import { computeDebrief } from "./debrief-compute";
import { getGameForUser } from "./game";
import { ServiceError } from "./service-error";

/**
 * The debrief of the game's teams from its durable records: the instructor gets every team, a player only their
 * own. Works during a game too (the records arrive as the room ships them).
 */
export async function debriefFor(db: Db, input: { userId: string; gameId: string }) {
  const view = await getGameForUser(db, input.gameId, input.userId);
  const teams = view.access === "instructor" ? view.teams : view.team ? [view.team] : [];
  if (teams.length === 0)
    throw new ServiceError("NOT_IN_GAME", "Join a team of this game to see its debrief.");
  const marks = await db
    .select({
      seq: markRecord.seq,
      at: markRecord.at,
      instrument: markRecord.instrument,
      markTicks: markRecord.markTicks,
    })
    .from(markRecord)
    .where(eq(markRecord.gameId, input.gameId))
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
      .where(and(eq(fillRecord.gameId, input.gameId), eq(fillRecord.teamId, t.id)))
      .orderBy(asc(fillRecord.seq));
    const scores = await db
      .select({
        scope: scoreRecord.scope,
        session: scoreRecord.session,
        pnlCents: scoreRecord.pnlCents,
        scoreBp: scoreRecord.scoreBp,
      })
      .from(scoreRecord)
      .where(and(eq(scoreRecord.gameId, input.gameId), eq(scoreRecord.teamId, t.id)))
      .orderBy(asc(scoreRecord.seq));
    results.push({
      teamId: t.id,
      name: t.name,
      role: t.role,
      scores,
      ...computeDebrief(fills, marks, t.role),
    });
  }
  return { game: { id: view.game.id, name: view.game.name, seed: view.game.seed }, teams: results };
}
