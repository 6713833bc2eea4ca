import { createCallerFactory, createTRPCRouter } from "../init";
import { gameRouter } from "./game";
import { teamRouter } from "./team";

export const appRouter = createTRPCRouter({ game: gameRouter, team: teamRouter });

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
