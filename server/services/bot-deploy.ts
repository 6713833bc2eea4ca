import { and, desc, eq } from "drizzle-orm";
import type { BotRunner } from "../bots/bot-runner";
import type { Db } from "../db";
import { botVersion, team } from "../db/schema";
import { requireMember } from "./bot";
import { ServiceError } from "./service-error";

/** Deploys a saved version (the latest when none is named) of the caller's team's bot into its game, live. */
export async function deployBot(
  db: Db,
  runner: BotRunner,
  input: { userId: string; teamId: string; version?: number },
) {
  await requireMember(db, input.userId, input.teamId);
  const [found] = await db.select().from(team).where(eq(team.id, input.teamId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That team does not exist.");
  const [saved] = await db
    .select()
    .from(botVersion)
    .where(
      input.version === undefined
        ? eq(botVersion.teamId, input.teamId)
        : and(eq(botVersion.teamId, input.teamId), eq(botVersion.version, input.version)),
    )
    .orderBy(desc(botVersion.version))
    .limit(1);
  if (!saved) {
    throw new ServiceError("BOT_NOT_FOUND", "Save a version of your bot before deploying it.");
  }
  return runner.deploy({
    gameId: found.gameId,
    teamId: found.id,
    teamName: found.name,
    version: saved.version,
    code: saved.code,
  });
}

export async function stopBot(db: Db, runner: BotRunner, input: { userId: string; teamId: string }) {
  await requireMember(db, input.userId, input.teamId);
  return runner.stop(input.teamId);
}

export async function botStatus(db: Db, runner: BotRunner, input: { userId: string; teamId: string }) {
  await requireMember(db, input.userId, input.teamId);
  return runner.status(input.teamId);
}
