import { and, desc, eq } from "drizzle-orm";
import { runBacktest } from "@/party/bots/backtest";
import type { BotRunner } from "../bots/bot-runner";
import type { Db } from "../db";
import { botVersion, game, team } from "../db/schema";
import { requireMember } from "./bot";
import { ServiceError } from "./service-error";

/** The team and the saved version (the latest when none is named) of the caller's team's bot. */
async function savedBot(db: Db, input: { userId: string; teamId: string; version?: number }) {
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
    throw new ServiceError("BOT_NOT_FOUND", "Save a version of your bot before deploying or backtesting it.");
  }
  return { found, saved };
}

/** Deploys a saved version (the latest when none is named) of the caller's team's bot into its game, live. */
export async function deployBot(
  db: Db,
  runner: BotRunner,
  input: { userId: string; teamId: string; version?: number },
) {
  const { found, saved } = await savedBot(db, input);
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

/**
 * Backtests a saved version on its game's market: the same seed replays the same prices, news and retail flow for
 * a session, with the bot trading as its team on the real engine. Takes a few seconds.
 */
export async function backtestBot(db: Db, input: { userId: string; teamId: string; version?: number }) {
  const { found, saved } = await savedBot(db, input);
  const [g] = await db.select().from(game).where(eq(game.id, found.gameId));
  if (!g) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  const result = await runBacktest({ code: saved.code, role: found.role, seed: g.seed, preset: g.preset });
  if ("error" in result) return { version: saved.version, seed: g.seed, error: result.error };
  return {
    version: saved.version,
    seed: g.seed,
    error: null,
    pnlCents: result.pnlCents,
    feesCents: result.feesCents,
    series: result.series,
    fills: result.fills.slice(-200),
    fillCount: result.fills.length,
    logs: result.logs.slice(-200),
    stopped: result.stopped,
  };
}
