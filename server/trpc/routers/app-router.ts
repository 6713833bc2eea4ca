import { createCallerFactory, createTRPCRouter } from "../init";
import { botRouter } from "./bot";
import { debriefRouter } from "./debrief";
import { gameRouter } from "./game";
import { teamRouter } from "./team";

export const appRouter = createTRPCRouter({
  game: gameRouter,
  team: teamRouter,
  bot: botRouter,
  debrief: debriefRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
