// `npm run dev`: the whole game on this machine — Next (app + tRPC + auth + embedded PGlite, migrated and seeded
// at start) and `partykit dev` (the game rooms). Prints the URL and the demo logins once both answer.
import { type ChildProcess, spawn } from "node:child_process";
import { parseEnv } from "../server/env";
import { DEMO_ACCOUNTS, DEMO_JOIN_CODE, DEMO_PASSWORD } from "../server/services/demo-seed";

const APP_PORT = Number(process.env.PORT ?? 3210);
const PARTY_PORT = Number(process.env.PARTYKIT_PORT ?? 1988);
const appUrl = `http://localhost:${APP_PORT}`;
const env = parseEnv({
  ...process.env,
  APP_URL: process.env.APP_URL ?? appUrl,
  PARTYKIT_HOST: process.env.PARTYKIT_HOST ?? `localhost:${PARTY_PORT}`,
});
const childEnv = {
  ...process.env,
  APP_URL: env.APP_URL,
  PARTYKIT_HOST: env.PARTYKIT_HOST,
  ROOM_TOKEN_SECRET: env.ROOM_TOKEN_SECRET,
  BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET,
  SEED_DEMO: env.SEED_DEMO ? "1" : "0",
  NEXT_TELEMETRY_DISABLED: "1",
};

const children: ChildProcess[] = [];
function start(name: string, args: string[]) {
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => `[${name}] ${line}\n`)
      .join("");
  child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  child.on("exit", (code) => {
    console.error(`[${name}] exited with ${code}; stopping.`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

function stopAll(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.body?.cancel();
      return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

start("rooms", [
  "node_modules/partykit/dist/bin.mjs",
  "dev",
  "--port",
  String(PARTY_PORT),
  "--persist",
  ".data/partykit",
  "--disable-request-cf-fetch",
  "--no-hotkeys",
  "--var",
  `ROOM_TOKEN_SECRET=${env.ROOM_TOKEN_SECRET}`,
  // Rooms ship their game records (trades, fills, orders, marks, news) to the app for exports and debriefs.
  "--var",
  `RECORDS_URL=http://127.0.0.1:${APP_PORT}`,
]);
start("app", ["node_modules/next/dist/bin/next", "dev", "--port", String(APP_PORT)]);

await waitFor(`http://127.0.0.1:${PARTY_PORT}/parties/main/health`, 120_000);
await waitFor(`${appUrl}/sign-in`, 180_000);
const logins = DEMO_ACCOUNTS.map(
  (a) => `    ${a.role.padEnd(10)} ${a.email.padEnd(26)} ${DEMO_PASSWORD}`,
).join("\n");
console.log(`
  outcry is running: ${appUrl}
  demo logins (password ${DEMO_PASSWORD}):
${logins}
  demo game join code: ${DEMO_JOIN_CODE}
  game rooms: ws://localhost:${PARTY_PORT}   data: .data/ (delete it to start afresh)
`);
