import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import { fillRecord, markRecord, newsRecord } from "@/server/db/schema";
import { handleRecordIngest } from "@/server/services/record-ingest-handler";
import { testDbKinds } from "@/server/testing/test-databases";
import { withTestApp } from "@/server/testing/with-test-app";
import type { LogStorage } from "./durable-log";
import { RecordShipper, type ShipperOptions } from "./record-shipper";
import { httpShipBatch } from "./record-shipper-http";

const SECRET = "record-shipper-secret-0123456789abcdef";

/** Durable Object storage over a Map, with its limits (128 KiB a value, 128 keys a call); survives "restarts". */
function memoryStorage() {
  const map = new Map<string, unknown>();
  const storage: LogStorage = {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    put: async (entries) => {
      const keys = Object.keys(entries);
      if (keys.length > 128) throw new Error(`put of ${keys.length} keys`);
      for (const [k, v] of Object.entries(entries)) {
        if (JSON.stringify(v).length > 128 * 1024) throw new Error(`value of ${k} over 128 KiB`);
        map.set(k, structuredClone(v));
      }
    },
    delete: async (keys) => {
      if (keys.length > 128) throw new Error(`delete of ${keys.length} keys`);
      return keys.filter((k) => map.delete(k)).length;
    },
    list: async <T>(options: { prefix: string; start?: string; limit?: number }) =>
      new Map(
        [...map.entries()]
          .filter(([k]) => k.startsWith(options.prefix) && (!options.start || k >= options.start))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .slice(0, options.limit ?? Number.POSITIVE_INFINITY)
          .map(([k, v]) => [k, structuredClone(v) as T]),
      ),
  };
  const storedSeqs = () =>
    [...map.entries()]
      .filter(([k]) => k.startsWith("r:0"))
      .flatMap(([, v]) => (v as GameRecord[]).map((r) => r.seq));
  return { storage, map, storedSeqs };
}

const fill = (seq: number): GameRecord => ({
  kind: "fill",
  seq,
  at: seq * 1_000,
  tradeId: `trade-${seq}-${"x".repeat(40)}`,
  teamId: "team-a",
  orderId: `order-${seq}-${"y".repeat(40)}`,
  instrument: "SPX_4400_CALL_2024-02-15",
  side: seq % 2 === 0 ? "buy" : "sell",
  price: 2_500,
  quantity: 1,
  feeCents: -2,
  liquidity: "taker",
  source: "bot",
});
const mark = (seq: number): GameRecord => ({ kind: "mark", seq, at: seq, instrument: "X", markTicks: 1 });
const fills = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => fill(from + i));

type Mode = "up" | "down" | "lose-answer" | "hang";

describe.each(testDbKinds())("RecordShipper → the app's records route on %s", (kind) => {
  const ctx = withTestApp(kind);
  let server: Server;
  let url = "";
  let mode: Mode = "up";
  let instructorCaller: Awaited<ReturnType<typeof ctx.app.signUp>>["caller"];
  const log = { requests: [] as { at: number; size: number }[], inserted: 0, inFlight: 0, maxInFlight: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let body = "";
    for await (const chunk of req) body += chunk;
    log.requests.push({ at: Date.now(), size: (JSON.parse(body) as { records: unknown[] }).records.length });
    if (mode === "down") return void res.writeHead(503).end("down for maintenance");
    if (mode === "hang") return; // never answers
    const gameId = decodeURIComponent(req.url?.split("/")[3] ?? "");
    const request = new Request(`http://x${req.url}`, {
      method: "POST",
      headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
      body,
    });
    const response = await handleRecordIngest(request, gameId, { db: ctx.handle.db, secret: SECRET });
    const text = await response.text();
    if (response.ok) log.inserted += (JSON.parse(text) as { inserted: number }).inserted;
    // Stored, but the answer never arrives: the room cannot know.
    if (mode === "lose-answer") return void req.socket.destroy();
    res.writeHead(response.status, { "content-type": "application/json" }).end(text);
  }

  beforeAll(async () => {
    instructorCaller = (
      await ctx.app.signUp({ name: "Ro", email: `rs-${kind}@school.test`, role: "instructor" })
    ).caller;
    server = createServer((req, res) => {
      log.inFlight++;
      log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
      res.on("close", () => log.inFlight--);
      void handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  /** A fresh game (its records' seqs start at 1) and a shipper for it on `storage`. */
  async function setUp(options: Partial<ShipperOptions> & { secret?: string; timeoutMs?: number } = {}) {
    const gameId = (await instructorCaller.game.create({ name: "Shipped", preset: "compact" })).id;
    mode = "up";
    Object.assign(log, { requests: [], inserted: 0, maxInFlight: 0 });
    const ship = httpShipBatch({
      url,
      secret: options.secret ?? SECRET,
      gameId: () => gameId,
      timeoutMs: options.timeoutMs ?? 5_000,
    });
    const shipper = (storage: LogStorage) =>
      new RecordShipper(storage, ship, { intervalMs: 60_000, maxBackoffMs: 60_000, ...options });
    const storedOnServer = async () => {
      const seqs = await Promise.all(
        [fillRecord, newsRecord, markRecord].map((t) =>
          ctx.handle.db.select({ seq: t.seq }).from(t).where(eq(t.gameId, gameId)),
        ),
      );
      return seqs
        .flat()
        .map((r) => r.seq)
        .sort((a, b) => a - b);
    };
    return { gameId, ship, shipper, storedOnServer };
  }

  it("ships on its own in batches of at most 1,000, one request at a time; storage is emptied as acknowledged", async () => {
    const { storage, map } = memoryStorage();
    const { shipper, storedOnServer, ship, gameId } = await setUp({ intervalMs: 20 });
    const s = shipper(storage);
    await s.start();
    for (let from = 1; from <= 2_500; from += 250) s.add(fills(from, from + 249));
    await vi.waitFor(() => expect(s.stats()).toMatchObject({ pending: 0, shippedThrough: 2_500 }), 10_000);
    s.stop();
    expect(await storedOnServer()).toEqual(fills(1, 2_500).map((r) => r.seq));
    expect(log.maxInFlight).toBe(1);
    expect(Math.max(...log.requests.map((r) => r.size))).toBeLessThanOrEqual(1_000);
    expect([...map.keys()]).toEqual(["r:acked"]);
    expect(map.get("r:acked")).toBe(2_500);

    // The same batch again (a retry after a lost answer) stores nothing new.
    expect(await ship(fills(1, 1_000))).toEqual({ throughSeq: 1_000 });
    const [row] = await ctx.handle.db
      .select({ n: count() })
      .from(fillRecord)
      .where(eq(fillRecord.gameId, gameId));
    expect(row?.n).toBe(2_500);
  });

  it("keeps the backlog in storage while the app is down, backs off, then drains when it is back", async () => {
    const { storage, storedSeqs } = memoryStorage();
    const { shipper, storedOnServer } = await setUp({ intervalMs: 10, maxBackoffMs: 160 });
    const s = shipper(storage);
    await s.start();
    mode = "down";
    s.add(fills(1, 1_200)); // ~190 KB of JSON: several storage values
    await vi.waitFor(() => expect(log.requests.length).toBeGreaterThanOrEqual(5), 10_000);
    expect(s.stats()).toMatchObject({ pending: 1_200, shippedThrough: 0 });
    expect(s.stats().lastError).toMatch(/503/);
    expect(storedSeqs().sort((a, b) => a - b)).toEqual(fills(1, 1_200).map((r) => r.seq));
    const gaps = log.requests.slice(1).map((r, i) => r.at - (log.requests[i]?.at ?? 0));
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(70); // backed off from 10 ms towards 160 ms

    s.add(fills(1_201, 1_300)); // trading goes on during the outage
    mode = "up";
    await vi.waitFor(() => expect(s.stats()).toMatchObject({ pending: 0, shippedThrough: 1_300 }), 10_000);
    s.stop();
    expect(s.stats().lastError).toBeNull();
    expect(await storedOnServer()).toEqual(fills(1, 1_300).map((r) => r.seq));
    expect(storedSeqs()).toEqual([]);
  });

  it("a restart mid-ingestion (stored, answer lost, newer records never written) loses and duplicates nothing", async () => {
    const { storage } = memoryStorage();
    const { shipper, storedOnServer } = await setUp({ batchAt: 500 });
    const before = shipper(storage);
    await before.start();
    mode = "lose-answer";
    before.add(fills(1, 800)); // a full batch: written to storage and sent at once; the server stores it
    await vi.waitFor(() => expect(before.stats().lastError).toMatch(/fetch failed|socket/i), 10_000);
    before.add(fills(801, 900)); // taken in memory only (backing off): the room dies before writing them
    before.stop();
    expect(await storedOnServer()).toEqual(fills(1, 800).map((r) => r.seq));
    expect(log.inserted).toBe(800);

    // The new room loads what was stored; its journal replay regenerates the tail's records 751–900.
    const after = shipper(storage);
    await after.start();
    expect(after.stats()).toMatchObject({ pending: 800, shippedThrough: 0 });
    after.add(fills(751, 900));
    expect(after.stats()).toMatchObject({ pending: 900 });
    mode = "up";
    await after.drain();
    after.stop();
    expect(after.stats()).toMatchObject({ pending: 0, shippedThrough: 900, lastError: null });
    expect(await storedOnServer()).toEqual(fills(1, 900).map((r) => r.seq));
    expect(log.inserted).toBe(900); // 1–800 arrived twice and were stored once
  });

  it("isolates a record the app refuses by halving the batch, skips it, counts it and ships the rest", async () => {
    const { storage } = memoryStorage();
    const { shipper, storedOnServer } = await setUp();
    const s = shipper(storage);
    await s.start();
    const bad: GameRecord = { kind: "news", seq: 37, at: 0, headline: "x".repeat(201) }; // over the 200 limit
    s.add([...fills(1, 36), bad, ...fills(38, 100)]);
    await s.drain();
    s.stop();
    // lastError shows a refusal until the next send succeeds; `dropped` keeps the count.
    expect(s.stats()).toMatchObject({ pending: 0, shippedThrough: 100, dropped: 1, lastError: null });
    expect(await storedOnServer()).toEqual([...fills(1, 36), ...fills(38, 100)].map((r) => r.seq));
  });

  it("keeps records pending with the reason when the token is refused or the app hangs", async () => {
    const wrong = await setUp({ secret: "another-secret-0123456789abcdefghijk" });
    const s = wrong.shipper(memoryStorage().storage);
    await s.start();
    s.add(fills(1, 10));
    await s.drain();
    expect(s.stats()).toMatchObject({ pending: 10, shippedThrough: 0 });
    expect(s.stats().lastError).toMatch(/401 AUTH_REQUIRED/);
    s.stop();

    const slow = await setUp({ timeoutMs: 300 });
    const t = slow.shipper(memoryStorage().storage);
    await t.start();
    t.add(fills(1, 10));
    mode = "hang";
    await t.drain();
    expect(t.stats().lastError).toMatch(/timeout|abort/i);
    mode = "up";
    await t.drain();
    t.stop();
    expect(t.stats()).toMatchObject({ pending: 0, shippedThrough: 10 });
  });

  it("bounds the backlog: marks go beyond 80% of the cap, anything beyond the cap; all counted", async () => {
    const { shipper } = await setUp({ maxPending: 10 });
    const s = shipper(memoryStorage().storage);
    await s.start();
    s.add([...fills(1, 7), mark(8), mark(9), fill(10), fill(11), fill(12)]);
    s.stop();
    // 1–7 and 8 (pending 7 < 8); 9 dropped (8 ≥ 80%); 10, 11; 12 dropped (cap of 10).
    expect(s.stats()).toMatchObject({ pending: 10, dropped: 2 });
  });
});

it("stores nothing when shipping is off (no RECORDS_URL)", async () => {
  const { storage, map } = memoryStorage();
  const s = new RecordShipper(storage, null);
  await s.start();
  s.add(fills(1, 10));
  await s.persist();
  expect(s.stats()).toEqual({ pending: 0, shippedThrough: 0, lastError: null, dropped: 0 });
  expect(map.size).toBe(0);
});
