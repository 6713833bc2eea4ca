// `npm run bench:ingest`: can the app store what a busy room ships? BENCH_RATE (default 1,000) fills a second for
// BENCH_SECONDS (default 20) into real PostgreSQL (a throwaway database on DATABASE_URL), three ways in one run:
//   1. the room's path: a real RecordShipper (its default schedule and batches) → HTTP with a room-service token →
//      handleRecordIngest (what POST /api/rooms/<game>/records runs: token, zod, idempotent insert);
//   2. ingestRecords, the route's service, called directly with the same schedule (what the database path costs);
//   3. the baseline: one plain multi-row INSERT per batch, same schedule.
// Prints records/s, p50/p99 batch latency, the backlog over time and the ratios to the baseline. Not a test.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { httpShipBatch } from "../../party/room/record-shipper-http";
import { createDb } from "../../server/db";
import { game, user } from "../../server/db/schema";
import { ingestRecords } from "../../server/services/game-records";
import { handleRecordIngest } from "../../server/services/record-ingest-handler";
import { driveBatches, driveShipper, type Run } from "./drive";

const ADMIN = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECRET = "bench-ingest-secret-0123456789abcdefghij";
const GAME = "bench-game";

const name = `outcry_bench_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN);
url.pathname = `/${name}`;
const handle = createDb({ url: url.toString(), pgliteDir: "unused" });
const raw = new pg.Client({ connectionString: url.toString() });
const app = createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  const request = new Request(`http://bench${req.url}`, {
    method: "POST",
    headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
    body,
  });
  const response = await handleRecordIngest(request, GAME, { db: handle.db, secret: SECRET });
  res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
});

const COLUMNS =
  "game_id, seq, at, trade_id, team_id, order_id, instrument, side, price, quantity, fee_cents, liquidity, source";

try {
  await handle.migrate();
  await handle.db
    .insert(user)
    .values({ id: "bench-user", name: "Bench", email: "b@bench.test", role: "instructor" });
  await handle.db.insert(game).values({
    id: GAME,
    name: "Bench",
    joinCode: "BENCH1",
    preset: "compact",
    seed: 1,
    instructorId: "bench-user",
  });
  await raw.connect();
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

  const shipped = await driveShipper(
    "room shipper → HTTP route → PostgreSQL",
    httpShipBatch({ url: origin, secret: SECRET, gameId: () => GAME }),
    RATE,
    SECONDS,
  );
  const direct = await driveBatches(
    "ingestRecords (route's service, no HTTP)",
    async (records) => void (await ingestRecords(handle.db, { gameId: GAME, records })),
    10_000_001,
    RATE,
    SECONDS,
  );
  const baseline = await driveBatches(
    "plain multi-row INSERT (baseline)",
    async (records) => {
      const values: unknown[] = [];
      const rows = records.map((r, i) => {
        if (r.kind !== "fill") throw new Error("fills only");
        const { seq, at, tradeId, teamId, orderId, instrument, side, price, quantity, feeCents } = r;
        values.push(GAME, seq, at, tradeId, teamId, orderId, instrument, side, price, quantity, feeCents);
        values.push(r.liquidity, r.source);
        return `(${Array.from({ length: 13 }, (_, k) => `$${i * 13 + k + 1}`).join(",")})`;
      });
      await raw.query(`insert into fill_record (${COLUMNS}) values ${rows.join(",")}`, values);
    },
    20_000_001,
    RATE,
    SECONDS,
  );
  report([shipped, direct, baseline]);
} finally {
  app.close();
  await raw.end().catch(() => undefined);
  await handle.close();
  await admin
    .query(`drop database if exists ${name} with (force)`)
    .catch((error: Error) => console.error(`could not drop ${name}: ${error.message}`));
  await admin.end();
}

function report(runs: Run[]) {
  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  const [shipped, , baseline] = runs as [Run, Run, Run];
  console.log(`\ningestion bench: ${RATE} fills/s for ${SECONDS} s into PostgreSQL (${name}, dropped after)`);
  console.log("batches of ≤ 1,000: every 500 ms, or at once while ≥ 500 wait; one at a time\n");
  const head = ["path", "records/s", "batches", "p50 ms", "p99 ms", "max backlog", "end backlog", "drain s"];
  console.log([head[0]?.padEnd(42), ...head.slice(1).map((h) => h.padStart(13))].join(""));
  for (const r of runs) {
    const cells = [
      Math.round(r.storedInWindow / r.seconds),
      r.latencies.length,
      q(r.latencies, 0.5).toFixed(1),
      q(r.latencies, 0.99).toFixed(1),
      Math.max(0, ...r.backlog),
      r.backlog.at(-1) ?? 0,
      r.drainSeconds.toFixed(2),
    ];
    console.log([r.label.padEnd(42), ...cells.map((c) => String(c).padStart(13))].join(""));
  }
  console.log("\nbacklog (produced, not yet stored) each second:");
  for (const r of runs) console.log(`  ${r.label.slice(0, 28).padEnd(30)}${r.backlog.join(" ")}`);
  console.log("\nagainst the plain INSERT baseline:");
  for (const r of runs.slice(0, 2)) {
    const ratio = (p: number) => (q(r.latencies, p) / Math.max(0.001, q(baseline.latencies, p))).toFixed(2);
    const rate = (r.storedInWindow / Math.max(1, baseline.storedInWindow)).toFixed(2);
    console.log(`  ${r.label.padEnd(42)} records/s ${rate}×, p50 ${ratio(0.5)}×, p99 ${ratio(0.99)}×`);
  }
  const max = Math.max(0, ...shipped.backlog);
  const keepsUp = max <= 2 * RATE && (shipped.backlog.at(-1) ?? 0) <= RATE;
  console.log(
    `\n${keepsUp ? "PASS" : "MISS"} the room's path keeps up with ${RATE} fills/s: backlog ≤ ${2 * RATE} (max ${max}), ` +
      `≤ ${RATE} at the end (${shipped.backlog.at(-1) ?? 0})`,
  );
}
