import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAuth } from "../auth/get-auth";
import { getDb } from "../db/client";
import { env } from "../env";
import { createTRPCContext } from "./init";
import { appRouter } from "./routers/app-router";

/** Serves tRPC over fetch for the Next route handler. */
export async function handleTRPCRequest(request: Request): Promise<Response> {
  const [db, auth] = await Promise.all([getDb(), getAuth()]);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTRPCContext({ db, auth, env, headers: request.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });
}
