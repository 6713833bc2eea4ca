import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import { fillRecord } from "@/server/db/schema";
import { handleRecordIngest } from "@/server/services/record-ingest-handler";
import { mintRoomServiceToken } from "@/server/services/room-service-token";
import { testDbKinds } from "@/server/testing/test-databases";
import { withTestApp } from "@/server/testing/with-test-app";
import type { LogStorage } from "./durable-log";
import { RecordsOutbox, type ShipBatch } from "./records-outbox";

const SECRET = "records-outbox-secret-0123456789abcdef";

/** Durable Object storage's interface over a Map: the same calls, kept in memory across "restarts" of the room. */
function memoryStorage(): LogStorage {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    put: async (entries) => {
      for (const [k, v] of Object.entries(entries)) map.set(k, structuredClone(v));
    },
    delete: async (keys) => keys.filter((k) => map.delete(k)).length,
    list: async <T>(options: { prefix: string }) =>
      new Map(
        [...map.entries()]
          .filter(([k]) => k.startsWith(options.prefix))
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, structuredClone(v) as T]),
      ),
  };
}

const fill = (seq: number): GameRecord => ({
  kind: "fill",
  seq,
  at: seq * 1_000,
  tradeId: `t${seq}`,
  teamId: "team-a",
  orderId: `o${seq}`,
  instrument: "SPX_4400_CALL_2024-02-15",
  side: "buy",
  price: 2_500,
  quantity: 1,
  feeCents: -2,
  liquidity: "taker",
  source: "bot",
});

describe.each(testDbKinds())("RecordsOutbox → the app's ingest on %s", (kind) => {
  const ctx = withTestApp(kind);
  let server: Server;
  let gameId = "";
  let up = true;
  let requests = 0;

  beforeAll(async () => {
    const teacher = await ctx.app.signUp({ name: "Ro", email: `ro-${kind}@school.test`, role: "instructor" });
    gameId = (await teacher.caller.game.create({ name: "Shipped", preset: "compact" })).id;
    // The real ingest handler (the app's route calls exactly this) over HTTP, switchable "down".
    server = createServer(async (req, res) => {
      requests++;
      if (!up) {
        res.writeHead(503).end("down for maintenance");
        return;
      }
      let body = "";
      for await (const chunk of req) body += chunk;
      const request = new Request(`http://x${req.url}`, {
        method: "POST",
        headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
        body,
      });
      const response = await handleRecordIngest(request, gameId, { db: ctx.handle.db, secret: SECRET });
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => server.close());

  const ship: ShipBatch = async (records) => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/rooms/${gameId}/records`, {
      method: "POST",
      headers: { authorization: `Bearer ${await mintRoomServiceToken(gameId, SECRET)}` },
      body: JSON.stringify({ gameId, records }),
    });
    if (!response.ok) throw new Error(`records refused: ${response.status}`);
    return (await response.json()) as { throughSeq: number };
  };
  const stored = async () =>
    (await ctx.handle.db.select().from(fillRecord)).map((r) => r.seq).sort((a, b) => a - b);

  it("ships in batches; a server outage grows the backlog, which drains when it is back; a restart loses and duplicates nothing", async () => {
    const storage = memoryStorage();
    const outbox = new RecordsOutbox(storage, ship, { intervalMs: 60_000, maxPending: 10_000 });
    outbox.add(Array.from({ length: 1_500 }, (_, i) => fill(i + 1)));
    await outbox.drain();
    expect(outbox.stats()).toMatchObject({ pending: 0, shippedThrough: 1_500, lastError: null });
    expect(requests).toBe(2); // 1,000 + 500

    up = false;
    outbox.add([fill(1_501), fill(1_502)]);
    await outbox.drain();
    expect(outbox.stats()).toMatchObject({
      pending: 2,
      shippedThrough: 1_500,
      lastError: "records refused: 503",
    });

    // The room restarts: a new outbox on the same storage; the journal replay regenerates 1,502 and 1,503.
    const restarted = new RecordsOutbox(storage, ship, { intervalMs: 60_000, maxPending: 10_000 });
    await restarted.load();
    restarted.add([fill(1_502), fill(1_503)]);
    expect(restarted.stats()).toMatchObject({ pending: 3, shippedThrough: 1_500 });
    up = true;
    await restarted.drain();
    expect(restarted.stats()).toMatchObject({ pending: 0, shippedThrough: 1_503 });
    expect(await stored()).toEqual(Array.from({ length: 1_503 }, (_, i) => i + 1));

    // The same batch again (a retry after a lost answer) changes nothing.
    await ship([fill(1_502), fill(1_503)]);
    expect((await stored()).length).toBe(1_503);
    expect([...(await storage.list({ prefix: "r:0" })).keys()]).toEqual([]); // acknowledged chunks are deleted
  });

  it("bounds the backlog, dropping marks first and counting what it dropped", () => {
    const outbox = new RecordsOutbox(memoryStorage(), ship, { intervalMs: 60_000, maxPending: 3 });
    const mark = (seq: number): GameRecord => ({ kind: "mark", seq, at: 0, instrument: "X", markTicks: 1 });
    outbox.add([mark(1), fill(2), mark(3), fill(4), fill(5)]);
    expect(outbox.stats()).toMatchObject({ pending: 3, dropped: 2 });
  });
});
