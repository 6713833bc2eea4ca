import { z } from "zod";
import { listBotVersions, MAX_BOT_CODE_CHARS, saveBotVersion } from "../../services/bot";
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
});
