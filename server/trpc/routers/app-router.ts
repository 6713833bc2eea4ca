import { createCallerFactory, createTRPCRouter } from "../init";
import { gameRouter } from "./game";

export const appRouter = createTRPCRouter({ game: gameRouter });

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
