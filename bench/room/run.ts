// `npm run bench:room`: 50 simulated bots over WebSocket against the game room and, in the same run, against a
// trivial echo room; closed loop and open loop (50 × 20/s and 50 × 100/s). Prints throughput and order→result
// latency with ratios to the echo room, and PASS/MISS against the targets of issue 4.
import { mkdtempSync } from "node:fs";
import path from "node:path";
import { removePersistDir, startPartykitDev } from "../../party/testing/partykit-dev";
import { prepareGameTarget } from "./game-target";
import { closedLoop, type LoadResult, type LoadTarget, openLoop } from "./load";

const PORT = Number(process.env.BENCH_PORT ?? 19_777);
const BOTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SECRET = "bench-room-secret-0123456789abcdef-0123456789";

const echo: LoadTarget = {
  label: "echo",
  url: (bot) => `ws://127.0.0.1:${PORT}/parties/echo/bench-echo?bot=${bot}`,
  command: (bot, n) => {
    const cid = `${bot}-${n}`;
    return { cid, text: JSON.stringify({ type: "ping", cid }) };
  },
};

// BENCH_PERSIST=tmpfs keeps the rooms' storage in /dev/shm: the journal still goes through Durable Object storage
// before every answer, but without this machine's disk fsync latency (which bounds a closed loop: results/s ≈
// outstanding commands ÷ one journal write).
const persistDir =
  process.env.BENCH_PERSIST === "tmpfs" ? mkdtempSync(path.join("/dev/shm", "outcry-bench-")) : undefined;
const server = await startPartykitDev({
  port: PORT,
  vars: { ROOM_TOKEN_SECRET: SECRET },
  config: "bench/room/partykit.bench.json",
  persistDir,
});
console.log(`room storage: ${persistDir ?? "disk (temporary directory)"}`);
const rows: { echo: LoadResult; game: LoadResult }[] = [];
try {
  const game = await prepareGameTarget({ host: `127.0.0.1:${PORT}`, secret: SECRET, bots: BOTS });
  const runs: [string, (t: LoadTarget) => Promise<LoadResult>][] = [
    ["closed", (t) => closedLoop(t, BOTS, SECONDS * 1_000)],
    ["open 20/s", (t) => openLoop(t, BOTS, 20, SECONDS * 1_000)],
    ["open 100/s", (t) => openLoop(t, BOTS, 100, SECONDS * 1_000)],
  ];
  for (const [, run] of runs) rows.push({ echo: await run(echo), game: await run(game) });
} finally {
  await server.stop();
  removePersistDir(server.persistDir);
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
console.log("\nrun                                   results/s   delivered    p50 µs     p99 µs");
for (const { echo: e, game: g } of rows) {
  for (const r of [e, g]) {
    const delivered = `${fmt((100 * r.delivered) / Math.max(1, r.sent), 1)}%`;
    console.log(
      `${r.label.padEnd(36)} ${fmt(r.perSecond).padStart(10)} ${delivered.padStart(10)} ${fmt(r.p50us).padStart(9)} ${fmt(r.p99us).padStart(10)}`,
    );
  }
}
const [closed, open20, open100] = rows;
if (closed && open20 && open100) {
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  const throughput = closed.game.perSecond / closed.echo.perSecond;
  const p99at1k = open20.game.p99us / open20.echo.p99us;
  const delivered5k = open100.game.delivered / Math.max(1, open100.game.sent);
  const p99at5k = open100.game.p99us / open100.echo.p99us;
  console.log(
    `\n${verdict(throughput >= 0.5)} closed-loop throughput ${fmt(throughput, 2)}× echo (target ≥ 0.5×)`,
  );
  console.log(`${verdict(p99at1k <= 1.5)} p99 at 1,000 orders/s ${fmt(p99at1k, 2)}× echo (target ≤ 1.5×)`);
  console.log(
    `${verdict(delivered5k >= 0.99 && p99at5k <= 3)} at 5,000 orders/s: ${fmt(100 * delivered5k, 1)}% delivered, p99 ${fmt(p99at5k, 2)}× echo (targets ≥ 99%, ≤ 3×)`,
  );
}
