import { z } from "zod";
import { TEAM_ROLES } from "../../db/schema";
import { assignRole, rotateApiKey } from "../../services/team";
import { createTRPCRouter, instructorProcedure, protectedProcedure } from "../init";

const TeamId = z.uuid("That is not a team id.");

export const teamRouter = createTRPCRouter({
  assignRole: instructorProcedure
    .input(z.object({ teamId: TeamId, role: z.enum(TEAM_ROLES) }))
    .mutation(({ ctx, input }) => assignRole(ctx.db, { instructorId: ctx.user.id, ...input })),

  /** A new API key for external bots; shown once. */
  rotateApiKey: protectedProcedure
    .input(z.object({ teamId: TeamId }))
    .mutation(({ ctx, input }) => rotateApiKey(ctx.db, { userId: ctx.user.id, teamId: input.teamId })),
});
