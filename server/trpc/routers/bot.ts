import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listBotVersions, MAX_BOT_CODE_CHARS, saveBotVersion } from "../../services/bot";
import { backtestBot, botStatus, deployBot, liveBotToken, stopBot } from "../../services/bot-deploy";
import type { RunnerResult } from "../../services/bot-runner-client";
import { createTRPCRouter, protectedProcedure, type TRPCContext } from "../init";

const TeamId = z.uuid("That is not a team id.");

const runnerOf = (env: TRPCContext["env"]) => ({
  partykitUrl: env.PARTYKIT_URL,
  secret: env.ROOM_TOKEN_SECRET,
});

/** The bots party's answer, or its refusal as a tRPC error (unreachable → 503; a refused request → 400). */
async function unwrap(pending: Promise<RunnerResult>) {
  const result = await pending;
  if (result.ok) return result.value;
  const code = result.code.startsWith("RUNNER_") ? "SERVICE_UNAVAILABLE" : "BAD_REQUEST";
  throw new TRPCError({ code, message: result.message });
}

export const botRouter = createTRPCRouter({
  versions: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .query(({ ctx, input }) => listBotVersions(ctx.db, { userId: ctx.user.id, teamId: input.teamId })),

  save: protectedProcedure
    .input(
      z.object({
        teamId: TeamId,
        code: z
          .string()
          .max(
            MAX_BOT_CODE_CHARS,
            `A bot is at most ${MAX_BOT_CODE_CHARS.toLocaleString("en-US")} characters.`,
          ),
        message: z.string().trim().min(1, "Say what changed in this version.").max(120),
      }),
    )
    .mutation(({ ctx, input }) => saveBotVersion(ctx.db, { userId: ctx.user.id, ...input })),

  /** Runs a saved version live in the game (the latest unless one is named); replaces a running one. */
  deploy: protectedProcedure
    .input(z.object({ teamId: TeamId, version: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) =>
      unwrap(
        deployBot(ctx.db, runnerOf(ctx.env), {
          userId: ctx.user.id,
          teamId: input.teamId,
          version: input.version,
        }),
      ),
    ),

  stop: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .mutation(({ ctx, input }) =>
      unwrap(stopBot(ctx.db, runnerOf(ctx.env), { userId: ctx.user.id, teamId: input.teamId })),
    ),

  /** The live bot's state, stop reason and latest log lines (editors then follow it live, see `liveToken`). */
  status: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .query(({ ctx, input }) =>
      unwrap(botStatus(ctx.db, runnerOf(ctx.env), { userId: ctx.user.id, teamId: input.teamId })),
    ),

  /** A room token of the caller's team for the bots party, to stream the live bot's status and logs. */
  liveToken: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .mutation(({ ctx, input }) =>
      liveBotToken(ctx.db, ctx.env, { userId: ctx.user.id, userName: ctx.user.name, teamId: input.teamId }),
    ),

  /** Replays this game's market (its seed) for a session with the saved version trading in it. */
  backtest: protectedProcedure
    .input(z.object({ teamId: TeamId, version: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) =>
      backtestBot(ctx.db, { userId: ctx.user.id, teamId: input.teamId, version: input.version }),
    ),
});
