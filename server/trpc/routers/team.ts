import { z } from "zod";
import { TEAM_ROLES } from "../../db/schema";
import { syncRoom } from "../../services/room-sync";
import { assignRole, rotateApiKey, setQualitativeScore } from "../../services/team";
import { createTRPCRouter, instructorProcedure, protectedProcedure } from "../init";

const TeamId = z.uuid("That is not a team id.");

export const teamRouter = createTRPCRouter({
  assignRole: instructorProcedure
    .input(z.object({ teamId: TeamId, role: z.enum(TEAM_ROLES) }))
    .mutation(async ({ ctx, input }) => {
      const updated = await assignRole(ctx.db, { instructorId: ctx.user.id, ...input });
      await syncRoom(ctx.db, updated.gameId, ctx.env);
      return updated;
    }),

  /** The instructor's qualitative score of a team (0–100), or null to clear it. */
  setQualitative: instructorProcedure
    .input(
      z.object({
        teamId: TeamId,
        score: z
          .number({ error: "The score is a whole number from 0 to 100." })
          .int("The score is a whole number from 0 to 100.")
          .min(0, "The score is a whole number from 0 to 100.")
          .max(100, "The score is a whole number from 0 to 100.")
          .nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const updated = await setQualitativeScore(ctx.db, { instructorId: ctx.user.id, ...input });
      await syncRoom(ctx.db, updated.gameId, ctx.env);
      return { teamId: updated.id, score: updated.qualitativeScore };
    }),

  /** A new API key for external bots; shown once. */
  rotateApiKey: protectedProcedure.input(z.object({ teamId: TeamId })).mutation(async ({ ctx, input }) => {
    const rotated = await rotateApiKey(ctx.db, { userId: ctx.user.id, teamId: input.teamId });
    await syncRoom(ctx.db, rotated.gameId, ctx.env);
    return { key: rotated.key, prefix: rotated.prefix };
  }),
});
