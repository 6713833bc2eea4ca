import "server-only";
import { getDb } from "../db/client";
import { env } from "../env";
import { type Auth, createAuth } from "./create-auth";

const globalForAuth = globalThis as unknown as { outcryAuth?: Promise<Auth> };

/** The app's better-auth instance, built once on the app database. */
export function getAuth(): Promise<Auth> {
  globalForAuth.outcryAuth ??= getDb().then((db) =>
    createAuth({ db, secret: env.BETTER_AUTH_SECRET, baseUrl: env.APP_URL }),
  );
  return globalForAuth.outcryAuth;
}
