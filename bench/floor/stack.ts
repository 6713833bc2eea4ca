// The real stack on the bench's own ports: `partykit dev` (the game room) and a production Next build served by
// `next start`, with a fresh PGlite database — the same pieces as scripts/e2e-server.ts and playwright.config.ts.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type PartykitDev, removePersistDir, startPartykitDev } from "../../party/testing/partykit-dev";

export const ROOM_SECRET = "bench-floor-room-secret-0123456789abcdef-xyz";
const AUTH_SECRET = "bench-floor-auth-secret-0123456789abcdef-xyz";

export type Stack = { appUrl: string; partyHost: string; stop(): Promise<void> };

export async function startStack(options: {
  appPort: number;
  partyPort: number;
  /** Reuse the last `.next` build of this checkout. */
  skipBuild: boolean;
  /** Extra `next build` flags, e.g. `--no-mangling --profile` for a readable profile. */
  buildArgs: string[];
}): Promise<Stack> {
  const appUrl = `http://localhost:${options.appPort}`;
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const env = {
    ...inherited,
    PGLITE_DIR: mkdtempSync(path.join(tmpdir(), "outcry-bench-floor-pglite-")),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_URL: appUrl,
    PARTYKIT_HOST: `localhost:${options.partyPort}`,
    ROOM_TOKEN_SECRET: ROOM_SECRET,
    BETTER_AUTH_SECRET: AUTH_SECRET,
    SEED_DEMO: "0",
  };
  for (const port of [options.appPort, options.partyPort]) {
    if (await answers(`http://127.0.0.1:${port}/`))
      throw new Error(`port ${port} is taken: stop what runs there`);
  }
  if (!options.skipBuild) {
    console.log(`next build ${options.buildArgs.join(" ")}…`);
    const build = spawnSync(
      process.execPath,
      ["node_modules/next/dist/bin/next", "build", ...options.buildArgs],
      { env, stdio: ["ignore", "ignore", "inherit"] },
    );
    if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  }
  const party: PartykitDev = await startPartykitDev({
    port: options.partyPort,
    vars: { ROOM_TOKEN_SECRET: ROOM_SECRET, RECORDS_URL: appUrl },
  });
  const next = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(options.appPort)],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  try {
    await waitFor(`${appUrl}/sign-in`, next);
  } catch (error) {
    next.kill("SIGKILL");
    await party.stop();
    throw error;
  }
  return {
    appUrl,
    partyHost: party.host,
    stop: async () => {
      await stopChild(next);
      await party.stop();
      removePersistDir(party.persistDir);
      removePersistDir(env.PGLITE_DIR);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
