import { and, desc, eq } from "drizzle-orm";
import { runBacktest } from "@/party/bots/backtest";
import { botRoomNameFor } from "@/party/bots/bot-wire";
import type { Db } from "../db";
import { botVersion, game, team } from "../db/schema";
import { backtestTape } from "./backtest-tape";
import { requireMember } from "./bot";
import { deployOnRunner, type RunnerOptions, statusOnRunner, stopOnRunner } from "./bot-runner-client";
import { mintRoomToken } from "./room-token";
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

/**
 * Deploys a saved version (the latest when none is named) of the caller's team's bot into its game, live: the
 * bots party runs it as the team (party/bot-runner.ts), replacing a version already running.
 */
export async function deployBot(
  db: Db,
  runner: RunnerOptions,
  input: { userId: string; teamId: string; version?: number },
) {
  const { found, saved } = await savedBot(db, input);
  return deployOnRunner(runner, {
    gameId: found.gameId,
    teamId: found.id,
    teamName: found.name,
    versionId: saved.id,
    version: saved.version,
    code: saved.code,
  });
}

export async function stopBot(db: Db, runner: RunnerOptions, input: { userId: string; teamId: string }) {
  const member = await requireMember(db, input.userId, input.teamId);
  return stopOnRunner(runner, { gameId: await gameOfTeam(db, member.teamId), teamId: input.teamId });
}

export async function botStatus(db: Db, runner: RunnerOptions, input: { userId: string; teamId: string }) {
  const member = await requireMember(db, input.userId, input.teamId);
  return statusOnRunner(runner, { gameId: await gameOfTeam(db, member.teamId), teamId: input.teamId });
}

/**
 * What an editor needs to watch its team's live bot: a room token of the team (the bots party checks it as the
 * game room would, and that the team matches) and where the bot's room is.
 */
export async function liveBotToken(
  db: Db,
  env: { ROOM_TOKEN_SECRET: string; PARTYKIT_HOST: string },
  input: { userId: string; userName: string; teamId: string },
) {
  const member = await requireMember(db, input.userId, input.teamId);
  const gameId = await gameOfTeam(db, member.teamId);
  const { token, expiresAt } = await mintRoomToken(
    { sub: input.userId, name: input.userName, gameId, teamId: input.teamId, role: "player" },
    env.ROOM_TOKEN_SECRET,
  );
  return {
    token,
    expiresAt,
    host: env.PARTYKIT_HOST,
    party: "bots",
    room: botRoomNameFor(gameId, input.teamId),
  };
}

async function gameOfTeam(db: Db, teamId: string): Promise<string> {
  const [found] = await db.select({ gameId: team.gameId }).from(team).where(eq(team.id, teamId));
  if (!found) throw new ServiceError("GAME_NOT_FOUND", "That team does not exist.");
  return found.gameId;
}

/**
 * Backtests a saved version on its game's market: the same seed replays the same prices, news and retail flow for
 * a session, and the other teams' recorded orders of that session are replayed as they were placed
 * (backtest-tape.ts), with the bot trading as its team on the real engine. Takes a few seconds.
 */
export async function backtestBot(db: Db, input: { userId: string; teamId: string; version?: number }) {
  const { found, saved } = await savedBot(db, input);
  const [g] = await db.select().from(game).where(eq(game.id, found.gameId));
  if (!g) throw new ServiceError("GAME_NOT_FOUND", "That game does not exist.");
  const tape = await backtestTape(db, { gameId: found.gameId, teamId: found.id });
  const result = await runBacktest({
    code: saved.code,
    role: found.role,
    seed: g.seed,
    preset: g.preset,
    tape,
  });
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
    /** Other teams' recorded orders replayed beside the market. */
    tapeOrders: tape.orders.length,
  };
}
