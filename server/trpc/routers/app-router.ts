import { createCallerFactory, createTRPCRouter } from "../init";
import { botRouter } from "./bot";
import { gameRouter } from "./game";
import { teamRouter } from "./team";

export const appRouter = createTRPCRouter({ game: gameRouter, team: teamRouter, bot: botRouter });

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
