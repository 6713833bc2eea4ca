import { z } from "zod";
import { debriefFor } from "../../services/debrief";
import { createTRPCRouter, protectedProcedure } from "../init";

export const debriefRouter = createTRPCRouter({
  /** Per team: P&L over time, attribution, fills by source, best and worst trades. */
  byGame: protectedProcedure
    .input(
      z.object({
        gameId: z.uuid("That is not a game id."),
        /** Which run (a reset or rematch starts the next); the latest when absent. */
        run: z.number().int("A run is a whole number.").min(1, "Runs count from 1.").optional(),
      }),
    )
    .query(({ ctx, input }) => debriefFor(ctx.db, { userId: ctx.user.id, ...input })),
});
