import { and, eq, sql } from "drizzle-orm";
import type { RoomSetup } from "@/party/core/protocol";
import type { Db } from "../db";
import { game, team, teamMember } from "../db/schema";
import { newApiKey } from "./api-key";
import type { TeamRole } from "./game";
import { ServiceError } from "./service-error";

/** The team, when `instructorId` runs its game; otherwise a service error saying who may `action`. */
async function teamOfInstructor(db: Db, instructorId: string, teamId: string, action: string) {
  const [row] = await db
    .select({ team, instructorId: game.instructorId })
    .from(team)
    .innerJoin(game, eq(game.id, team.gameId))
    .where(eq(team.id, teamId));
  if (!row) throw new ServiceError("GAME_NOT_FOUND", "That team does not exist.");
  if (row.instructorId !== instructorId) {
    throw new ServiceError("NOT_GAME_INSTRUCTOR", `Only this game's instructor can ${action}.`);
  }
  return row;
}

/** Sets a team's role. Only the game's instructor may. */
export async function assignRole(db: Db, input: { instructorId: string; teamId: string; role: TeamRole }) {
  const row = await teamOfInstructor(db, input.instructorId, input.teamId, "assign roles");
  await db.update(team).set({ role: input.role }).where(eq(team.id, input.teamId));
  await bumpSetupVersion(db, row.team.gameId);
  return { ...row.team, role: input.role };
}

/** Records the instructor's qualitative score (0–100, or null to clear) for a team; the room's scores follow. */
export async function setQualitativeScore(
  db: Db,
  input: { instructorId: string; teamId: string; score: number | null },
) {
  const row = await teamOfInstructor(db, input.instructorId, input.teamId, "score teams");
  await db.update(team).set({ qualitativeScore: input.score }).where(eq(team.id, input.teamId));
  await bumpSetupVersion(db, row.team.gameId);
  return { ...row.team, qualitativeScore: input.score };
}

/** Issues a new API key for the caller's team, replacing the old one. The key is returned once, never stored. */
export async function rotateApiKey(db: Db, input: { userId: string; teamId: string }) {
  const [member] = await db
    .select()
    .from(teamMember)
    .where(and(eq(teamMember.teamId, input.teamId), eq(teamMember.userId, input.userId)));
  if (!member) throw new ServiceError("NOT_IN_GAME", "Only members of a team can manage its API key.");
  const { key, hash, prefix } = newApiKey();
  await db.update(team).set({ apiKeyHash: hash, apiKeyPrefix: prefix }).where(eq(team.id, input.teamId));
  await bumpSetupVersion(db, member.gameId);
  return { key, prefix, gameId: member.gameId };
}

/** Everything the game's room needs to know about the game, as of now. */
export async function roomSetupFor(db: Db, gameId: string): Promise<RoomSetup> {
  const [found] = await db.select().from(game).where(eq(game.id, gameId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  const teams = await db.select().from(team).where(eq(team.gameId, gameId)).orderBy(team.createdAt, team.id);
  return {
    version: found.setupVersion,
    gameId,
    name: found.name,
    preset: found.preset,
    seed: found.seed,
    teams: teams.map((t) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      apiKeyHash: t.apiKeyHash,
      qualitative: t.qualitativeScore,
    })),
  };
}

export async function bumpSetupVersion(db: Db, gameId: string) {
  await db
    .update(game)
    .set({ setupVersion: sql`${game.setupVersion} + 1` })
    .where(eq(game.id, gameId));
}
