// `npm run bench:ingest`: can the app store what a busy room ships? Pushes 1,000 fills a second, in batches of 500
// every 500 ms (as the rooms' outbox sends them), through `ingestRecords` — the function the records route calls,
// with its idempotent (game, seq) insert — into real PostgreSQL for BENCH_SECONDS (default 20), and, in the same
// run on the same rows, a baseline: one plain multi-row INSERT per batch. Prints records/s, p50/p99 batch latency
// and the backlog (records produced but not yet stored) over time, with ratios. A script, not a test.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { GameRecord } from "../../party/core/protocol";
import { createDb } from "../../server/db";
import { game, user } from "../../server/db/schema";
import { ingestRecords } from "../../server/services/game-records";

const ADMIN = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = 1_000;
const BATCH_EVERY_MS = 500;

const name = `outcry_bench_${randomBytes(5).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN);
url.pathname = `/${name}`;
const handle = createDb({ url: url.toString(), pgliteDir: "unused" });

type Run = { label: string; stored: number; latencies: number[]; backlog: number[]; seconds: number };

function fill(seq: number): GameRecord {
  return {
    kind: "fill",
    seq,
    at: seq,
    tradeId: `t${seq >> 1}`,
    teamId: `team-${seq % 8}`,
    orderId: `o${seq}`,
    instrument: "SPX_4400_CALL_2024-02-15",
    side: seq % 2 === 0 ? "buy" : "sell",
    price: 2_500 + (seq % 40),
    quantity: 1 + (seq % 10),
    feeCents: -2,
    liquidity: seq % 2 === 0 ? "taker" : "maker",
    source: "bot",
  };
}

/** Produces RATE records a second on schedule; the sink stores one batch at a time; backlog is sampled each tick. */
async function drive(
  label: string,
  sink: (records: GameRecord[]) => Promise<void>,
  firstSeq: number,
): Promise<Run> {
  const run: Run = { label, stored: 0, latencies: [], backlog: [], seconds: SECONDS };
  let produced = 0;
  let queue: GameRecord[] = [];
  const start = performance.now();
  for (let tick = 1; tick <= (SECONDS * 1_000) / BATCH_EVERY_MS; tick++) {
    // Production follows the wall clock: a slow store grows the backlog instead of slowing the producer.
    const due = Math.min(
      SECONDS * RATE,
      Math.floor(((performance.now() - start) / 1_000 + BATCH_EVERY_MS / 1_000) * RATE),
    );
    while (produced < due) queue.push(fill(firstSeq + produced++));
    const batch = queue.slice(0, 1_000);
    queue = queue.slice(batch.length);
    const t0 = performance.now();
    await sink(batch);
    run.latencies.push(performance.now() - t0);
    run.stored += batch.length;
    run.backlog.push(produced - run.stored);
    const wait = start + tick * BATCH_EVERY_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  run.seconds = (performance.now() - start) / 1_000;
  return run;
}

try {
  await handle.migrate();
  await handle.db
    .insert(user)
    .values({ id: "bench-user", name: "Bench", email: "bench@bench.test", role: "instructor" });
  await handle.db.insert(game).values({
    id: "bench-game",
    name: "Bench",
    joinCode: "BENCH1",
    preset: "compact",
    seed: 1,
    instructorId: "bench-user",
  });
  const pipeline = await drive(
    "ingestRecords (route's path)",
    async (records) => {
      await ingestRecords(handle.db, { gameId: "bench-game", records });
    },
    1,
  );
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  const baseline = await drive(
    "plain multi-row INSERT (baseline)",
    async (records) => {
      const values: unknown[] = [];
      const rows = records.map((r, i) => {
        if (r.kind !== "fill") throw new Error("fills only");
        values.push(
          "bench-game",
          r.seq + 10_000_000,
          r.at,
          r.tradeId,
          r.teamId,
          r.orderId,
          r.instrument,
          r.side,
          r.price,
          r.quantity,
          r.feeCents,
          r.liquidity,
          r.source,
        );
        const b = i * 13;
        return `(${Array.from({ length: 13 }, (_, k) => `$${b + k + 1}`).join(",")})`;
      });
      await raw.query(
        `insert into fill_record (game_id, seq, at, trade_id, team_id, order_id, instrument, side, price, quantity, fee_cents, liquidity, source) values ${rows.join(",")}`,
        values,
      );
    },
    1,
  );
  await raw.end();

  const q = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
  console.log(
    `\ningestion bench: ${RATE} fills/s for ${SECONDS} s in batches every ${BATCH_EVERY_MS} ms, PostgreSQL ${name}`,
  );
  console.log(
    "run                                   records/s   p50 ms   p99 ms   max backlog   final backlog",
  );
  for (const r of [pipeline, baseline]) {
    console.log(
      `${r.label.padEnd(36)} ${Math.round(r.stored / r.seconds)
        .toString()
        .padStart(
          9,
        )} ${q(r.latencies, 0.5).toFixed(1).padStart(8)} ${q(r.latencies, 0.99).toFixed(1).padStart(8)} ${Math.max(
        ...r.backlog,
      )
        .toString()
        .padStart(13)} ${String(r.backlog.at(-1)).padStart(15)}`,
    );
  }
  const keepsUp = Math.max(...pipeline.backlog) <= RATE && (pipeline.backlog.at(-1) ?? 0) <= RATE / 2;
  console.log(
    `\np99 batch latency ${(q(pipeline.latencies, 0.99) / Math.max(0.001, q(baseline.latencies, 0.99))).toFixed(2)}× the plain INSERT`,
  );
  console.log(
    `${keepsUp ? "PASS" : "MISS"} keeps up with ${RATE} fills/s with no growing backlog (max backlog ${Math.max(...pipeline.backlog)})`,
  );
} finally {
  await handle.close();
  await admin
    .query(`drop database if exists ${name}`)
    .catch((error: Error) => console.error(`could not drop ${name}: ${error.message}`));
  await admin.end();
}
