import "server-only";
import { env } from "../env";
import { createDb, type DbHandle } from "./create-db";

// The one module-level singleton in Next: cached on globalThis so dev reloads and route bundles share it
// (PGlite allows one process per data directory, and one handle per process).
const globalForDb = globalThis as unknown as { outcryDb?: { handle: DbHandle; ready: Promise<void> } };

function open() {
  const handle = createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  return { handle, ready: handle.migrate() };
}

/** The app's database, migrated before first use. */
export async function getDb() {
  globalForDb.outcryDb ??= open();
  await globalForDb.outcryDb.ready;
  return globalForDb.outcryDb.handle.db;
}
