import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "../db";

export type TestDbKind = "pglite" | "postgres";

/** PGlite always; real PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function testDbKinds(): TestDbKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new throwaway database on the
 * PostgreSQL server of DATABASE_URL (dropped again by `close`).
 */
export async function openTestDb(kind: TestDbKind): Promise<DbHandle> {
  if (kind === "pglite") {
    const handle = createDb({ pgliteDir: "memory://" });
    await handle.migrate();
    return handle;
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set");
  const name = `outcry_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), pgliteDir: "unused" });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
