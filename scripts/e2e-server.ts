// The Next half of the e2e stack: a fresh database (PGlite in a temp dir, or a fresh database on the
// PostgreSQL server of DATABASE_URL), a production build, then `next start` on the e2e port.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { E2E_APP_PORT, E2E_AUTH_SECRET, E2E_PARTY_PORT, E2E_ROOM_SECRET } from "../e2e/ports";

async function freshDatabaseEnv(): Promise<Record<string, string>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return { PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "outcry-e2e-pglite-")) };
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query("drop database if exists outcry_e2e with (force)");
  await client.query("create database outcry_e2e");
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = "/outcry_e2e";
  return { DATABASE_URL: url.toString() };
}

const env = {
  ...process.env,
  ...(await freshDatabaseEnv()),
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: `http://localhost:${E2E_APP_PORT}`,
  PARTYKIT_HOST: `localhost:${E2E_PARTY_PORT}`,
  ROOM_TOKEN_SECRET: E2E_ROOM_SECRET,
  BETTER_AUTH_SECRET: E2E_AUTH_SECRET,
  SEED_DEMO: "0",
};

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-p", String(E2E_APP_PORT)],
  {
    env,
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
