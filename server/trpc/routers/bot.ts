import { z } from "zod";
import { getBotRunner } from "../../bots/bot-runner";
import { listBotVersions, MAX_BOT_CODE_CHARS, saveBotVersion } from "../../services/bot";
import { backtestBot, botStatus, deployBot, stopBot } from "../../services/bot-deploy";
import { createTRPCRouter, protectedProcedure } from "../init";

const TeamId = z.uuid("That is not a team id.");

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
      deployBot(ctx.db, getBotRunner(ctx.env), {
        userId: ctx.user.id,
        teamId: input.teamId,
        version: input.version,
      }),
    ),

  stop: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .mutation(({ ctx, input }) =>
      stopBot(ctx.db, getBotRunner(ctx.env), { userId: ctx.user.id, teamId: input.teamId }),
    ),

  /** The running bot's state, stop reason and latest log lines (the editor polls it). */
  status: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .query(({ ctx, input }) =>
      botStatus(ctx.db, getBotRunner(ctx.env), { userId: ctx.user.id, teamId: input.teamId }),
    ),

  /** Replays this game's market (its seed) for a session with the saved version trading in it. */
  backtest: protectedProcedure
    .input(z.object({ teamId: TeamId, version: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) =>
      backtestBot(ctx.db, { userId: ctx.user.id, teamId: input.teamId, version: input.version }),
    ),
});
