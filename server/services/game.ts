import { randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../db";
import { game, team, teamMember, user } from "../db/schema";
import { historyOf } from "./game-history";
import { newJoinCode, normaliseJoinCode } from "./join-code";
import { ServiceError } from "./service-error";
import { bumpSetupVersion } from "./team";

export type GamePreset = "compact" | "full";
export type TeamRole = (typeof team.$inferSelect)["role"];

/** Creates a game owned by an instructor, with a unique join code and a simulation seed. */
export async function createGame(
  db: Db,
  input: { instructorId: string; name: string; preset: GamePreset; seed?: number | undefined },
) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = newJoinCode();
    const taken = await db.select({ id: game.id }).from(game).where(eq(game.joinCode, joinCode));
    if (taken.length > 0) continue;
    const [created] = await db
      .insert(game)
      .values({
        id: randomUUID(),
        name: input.name,
        joinCode,
        preset: input.preset,
        seed: input.seed ?? randomInt(1, 2 ** 31 - 1),
        instructorId: input.instructorId,
      })
      .returning();
    if (created) return created;
  }
  throw new Error("could not allocate a unique join code");
}

/**
 * Games a user runs (as instructor) or plays in (as a team member), newest first, with what their records say
 * about how far each got (game-history.ts): the lobby's history of played and finished games.
 */
export async function listGamesForUser(db: Db, userId: string) {
  const memberships = await db
    .select({ gameId: teamMember.gameId, teamId: teamMember.teamId })
    .from(teamMember)
    .where(eq(teamMember.userId, userId));
  const gameIds = memberships.map((m) => m.gameId);
  const rows = await db
    .select()
    .from(game)
    .where(
      gameIds.length > 0
        ? or(eq(game.instructorId, userId), inArray(game.id, gameIds))
        : eq(game.instructorId, userId),
    )
    .orderBy(desc(game.createdAt));
  const history = await historyOf(
    db,
    rows.map((g) => g.id),
  );
  return rows.map((g) => ({
    ...g,
    history: history.get(g.id) ?? { fills: 0, lastPlayedAt: null, ended: false, runs: [] },
    access: g.instructorId === userId ? ("instructor" as const) : ("player" as const),
    teamId: memberships.find((m) => m.gameId === g.id)?.teamId ?? null,
  }));
}

/**
 * Puts a player into a game's team by join code. The team is created if no team of that name exists yet
 * (new teams start as market makers; the instructor assigns roles). Joining again is a no-op.
 */
export async function joinGame(
  db: Db,
  input: { userId: string; userRole: "instructor" | "player"; joinCode: string; teamName: string },
) {
  if (input.userRole === "instructor") {
    throw new ServiceError(
      "INSTRUCTORS_DO_NOT_JOIN",
      "Instructors run games; sign in as a player to join a team.",
    );
  }
  const code = normaliseJoinCode(input.joinCode);
  const [found] = await db.select().from(game).where(eq(game.joinCode, code));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", `No game has the join code ${code}.`);
  if (found.status === "ended") throw new ServiceError("GAME_ENDED", `${found.name} has ended.`);

  const [existing] = await db
    .select()
    .from(teamMember)
    .where(and(eq(teamMember.gameId, found.id), eq(teamMember.userId, input.userId)));
  if (existing) return { gameId: found.id, teamId: existing.teamId };

  return db.transaction(async (tx) => {
    const name = input.teamName.trim();
    const [current] = await tx
      .select()
      .from(team)
      .where(and(eq(team.gameId, found.id), eq(team.name, name)));
    const teamRow =
      current ?? (await tx.insert(team).values({ id: randomUUID(), gameId: found.id, name }).returning())[0];
    if (!teamRow) throw new Error("team insert returned nothing");
    if (!current) await bumpSetupVersion(tx as unknown as Db, found.id);
    await tx.insert(teamMember).values({ teamId: teamRow.id, userId: input.userId, gameId: found.id });
    return { gameId: found.id, teamId: teamRow.id };
  });
}

/**
 * A game as one user may see it: instructors see every team with its members; players see every team's name and
 * role, and the members of their own team. API key hashes never leave the server.
 */
export async function getGameForUser(db: Db, gameId: string, userId: string) {
  const [found] = await db.select().from(game).where(eq(game.id, gameId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  const teamRows = await db.select().from(team).where(eq(team.gameId, gameId)).orderBy(team.name);
  const memberRows = await db
    .select({ teamId: teamMember.teamId, userId: user.id, name: user.name })
    .from(teamMember)
    .innerJoin(user, eq(user.id, teamMember.userId))
    .where(eq(teamMember.gameId, gameId))
    .orderBy(user.name);
  const instructor = found.instructorId === userId;
  const myTeamId = memberRows.find((m) => m.userId === userId)?.teamId;
  if (!instructor && !myTeamId) {
    throw new ServiceError("NOT_IN_GAME", "You are not in this game. Join it with its code.");
  }
  const teams = teamRows.map(({ apiKeyHash: _hash, ...t }) => ({
    ...t,
    hasApiKey: t.apiKeyPrefix !== null,
    members:
      instructor || t.id === myTeamId
        ? memberRows.filter((m) => m.teamId === t.id).map((m) => ({ userId: m.userId, name: m.name }))
        : [],
  }));
  return {
    game: found,
    access: instructor ? ("instructor" as const) : ("player" as const),
    team: teams.find((t) => t.id === myTeamId) ?? null,
    teams,
  };
}

/** The projector link's key for a game the instructor runs; created on first request. */
export async function viewKeyFor(db: Db, gameId: string, instructorId: string): Promise<string> {
  const [found] = await db.select().from(game).where(eq(game.id, gameId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  if (found.instructorId !== instructorId) {
    throw new ServiceError(
      "NOT_GAME_INSTRUCTOR",
      "Only this game's instructor can share its projector view.",
    );
  }
  if (found.viewKey) return found.viewKey;
  const key = randomBytes(18).toString("base64url");
  await db.update(game).set({ viewKey: key }).where(eq(game.id, gameId));
  return key;
}

/** The game a projector key opens, or an error that says the link is not valid. */
export async function gameForViewKey(db: Db, gameId: string, key: string) {
  const [found] = await db.select().from(game).where(eq(game.id, gameId));
  if (!found?.viewKey || !safeEqual(found.viewKey, key)) {
    throw new ServiceError(
      "GAME_NOT_FOUND",
      "This projector link is not valid. Ask the instructor for a new one.",
    );
  }
  return { id: found.id, name: found.name, status: found.status };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
