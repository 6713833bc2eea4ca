import { z } from "zod";
import { debriefFor } from "../../services/debrief";
import { createTRPCRouter, protectedProcedure } from "../init";

export const debriefRouter = createTRPCRouter({
  /** Per team: P&L over time, attribution, fills by source, best and worst trades. */
  byGame: protectedProcedure
    .input(z.object({ gameId: z.uuid("That is not a game id.") }))
    .query(({ ctx, input }) => debriefFor(ctx.db, { userId: ctx.user.id, gameId: input.gameId })),
});
