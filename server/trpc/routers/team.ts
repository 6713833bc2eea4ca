import { z } from "zod";
import { TEAM_ROLES } from "../../db/schema";
import { syncRoom } from "../../services/room-sync";
import { assignRole, rotateApiKey } from "../../services/team";
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

  /** A new API key for external bots; shown once. */
  rotateApiKey: protectedProcedure.input(z.object({ teamId: TeamId })).mutation(async ({ ctx, input }) => {
    const rotated = await rotateApiKey(ctx.db, { userId: ctx.user.id, teamId: input.teamId });
    await syncRoom(ctx.db, rotated.gameId, ctx.env);
    return { key: rotated.key, prefix: rotated.prefix };
  }),
});
