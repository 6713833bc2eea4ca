// The producers of the ingestion bench: records made on the wall clock at a fixed rate, stored either by a real
// RecordShipper (as a room ships them) or by a batch loop with the shipper's schedule (for the direct paths).
import type { GameRecord } from "../../party/core/protocol";
import { MAX_RECORDS_PER_BATCH } from "../../party/core/protocol";
import type { LogStorage } from "../../party/room/durable-log";
import { RecordShipper, type ShipBatch } from "../../party/room/record-shipper";

export type Run = {
  label: string;
  produced: number;
  /** Records acknowledged within the window (throughput) and after it (catching up). */
  storedInWindow: number;
  seconds: number;
  /** Seconds from the end of production until the backlog was empty. */
  drainSeconds: number;
  latencies: number[];
  /** Backlog (produced, not yet stored) sampled once a second. */
  backlog: number[];
};

export function fill(seq: number): GameRecord {
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Durable Object storage's interface over a Map (the room's storage is local and fast next to the network). */
export function memoryStorage(): LogStorage {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    put: async (entries) => {
      for (const [k, v] of Object.entries(entries)) map.set(k, v);
    },
    delete: async (keys) => keys.filter((k) => map.delete(k)).length,
    list: async <T>(o: { prefix: string; start?: string; limit?: number }) =>
      new Map(
        [...map.entries()]
          .filter(([k]) => k.startsWith(o.prefix) && (!o.start || k >= o.start))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .slice(0, o.limit ?? Number.POSITIVE_INFINITY) as [string, T][],
      ),
  };
}

/** Adds `rate` records a second, 10 ms at a time, to a real RecordShipper (default options) that ships with `ship`. */
export async function driveShipper(
  label: string,
  ship: ShipBatch,
  rate: number,
  seconds: number,
): Promise<Run> {
  const run: Run = {
    label,
    produced: 0,
    storedInWindow: 0,
    seconds,
    drainSeconds: 0,
    latencies: [],
    backlog: [],
  };
  const timed: ShipBatch = async (records) => {
    const t0 = performance.now();
    const answer = await ship(records);
    run.latencies.push(performance.now() - t0);
    return answer;
  };
  const shipper = new RecordShipper(memoryStorage(), timed);
  await shipper.start();
  const start = performance.now();
  let nextSample = 1_000;
  while (performance.now() - start < seconds * 1_000) {
    const due = Math.floor(((performance.now() - start) / 1_000) * rate);
    const batch: GameRecord[] = [];
    while (run.produced < due) batch.push(fill(++run.produced));
    shipper.add(batch);
    if (performance.now() - start >= nextSample) {
      run.backlog.push(run.produced - shipper.stats().shippedThrough);
      nextSample += 1_000;
    }
    await sleep(10);
  }
  run.storedInWindow = shipper.stats().shippedThrough;
  const end = performance.now();
  while (shipper.stats().shippedThrough < run.produced) await sleep(5);
  run.drainSeconds = (performance.now() - end) / 1_000;
  shipper.stop();
  return run;
}

/**
 * The same production, stored by a loop with the shipper's schedule: every 500 ms, or at once while 500 or more
 * are waiting, one batch of up to 1,000 at a time.
 */
export async function driveBatches(
  label: string,
  sink: (records: GameRecord[]) => Promise<void>,
  firstSeq: number,
  rate: number,
  seconds: number,
): Promise<Run> {
  const run: Run = {
    label,
    produced: 0,
    storedInWindow: 0,
    seconds,
    drainSeconds: 0,
    latencies: [],
    backlog: [],
  };
  let stored = 0;
  let producing = true;
  const start = performance.now();
  const sampler = setInterval(() => run.backlog.push(run.produced - stored), 1_000);
  const producer = (async () => {
    while (performance.now() - start < seconds * 1_000) {
      run.produced = Math.floor(((performance.now() - start) / 1_000) * rate);
      await sleep(10);
    }
    producing = false;
  })();
  let lastSend = start;
  while (producing || stored < run.produced) {
    const waiting = run.produced - stored;
    if (waiting === 0 || (waiting < 500 && performance.now() - lastSend < 500 && producing)) {
      await sleep(5);
      continue;
    }
    const size = Math.min(waiting, MAX_RECORDS_PER_BATCH);
    const batch = Array.from({ length: size }, (_, i) => fill(firstSeq + stored + i));
    lastSend = performance.now();
    await sink(batch);
    run.latencies.push(performance.now() - lastSend);
    stored += size;
    if (producing) run.storedInWindow = stored;
  }
  await producer;
  clearInterval(sampler);
  run.drainSeconds = Math.max(0, (performance.now() - start) / 1_000 - seconds);
  return run;
}
