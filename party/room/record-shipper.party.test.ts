import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  coverageRecord,
  fillRecord,
  markRecord,
  newsRecord,
  orderRecord,
  runRecord,
  scoreRecord,
  tradeRecord,
} from "@/server/db/schema";
import { handleRecordIngest } from "@/server/services/record-ingest-handler";
import { pushRoomSetup } from "@/server/services/room-admin";
import { mintRoomToken } from "@/server/services/room-token";
import { withTestApp } from "@/server/testing/with-test-app";
import { type PartykitDev, removePersistDir, startPartykitDev } from "../testing/partykit-dev";
import { mustConnect, type RoomClient } from "../testing/room-client";

const SECRET = "room-secret-for-record-tests-0123456789ab";
const PORT = 20_500 + (process.pid % 400);
const X = "SPX_4400_CALL_2024-02-15";

type Health = { seq: number; records: { pending: number; shippedThrough: number; lastError: string | null } };

/** A real `partykit dev` room ships its records to the app's real ingest handler (on PGlite), across a restart. */
describe("a game room ships its records to the app", () => {
  const ctx = withTestApp("pglite");
  let ingest: Server;
  let up = true;
  let rooms: PartykitDev;
  let gameId = "";
  const room = () => `game-${gameId}`;
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${PORT}/parties/main/${room()}/health`)).json()) as Health;
  const storedSeqs = async () => {
    const tables = [
      tradeRecord,
      fillRecord,
      orderRecord,
      markRecord,
      newsRecord,
      scoreRecord,
      runRecord,
      coverageRecord,
    ];
    const rows = await Promise.all(
      tables.map((t) => ctx.handle.db.select({ seq: t.seq }).from(t).where(eq(t.gameId, gameId))),
    );
    return rows
      .flat()
      .map((r) => r.seq)
      .sort((a, b) => a - b);
  };
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const connect = async (role: "instructor" | "player", teamId: string | null, sub: string) =>
    mustConnect(PORT, room(), (await mintRoomToken({ sub, name: sub, gameId, teamId, role }, SECRET)).token);
  const send = (client: RoomClient, message: Record<string, unknown>) =>
    client.socket.send(JSON.stringify(message));
  async function resultOf(client: RoomClient, cid: string) {
    for (;;) {
      const m = await client.nextOf("command_result");
      if (m.cid === cid) return m;
    }
  }

  beforeAll(async () => {
    const teacher = await ctx.app.signUp({ name: "Te", email: "te@school.test", role: "instructor" });
    gameId = (await teacher.caller.game.create({ name: "Shipped", preset: "compact" })).id;
    ingest = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      if (!up) return void res.writeHead(503).end("down");
      const request = new Request(`http://x${req.url}`, {
        method: "POST",
        headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
        body,
      });
      const response = await handleRecordIngest(request, gameId, { db: ctx.handle.db, secret: SECRET });
      res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
    });
    await new Promise<void>((resolve) => ingest.listen(0, "127.0.0.1", resolve));
    const recordsUrl = `http://127.0.0.1:${(ingest.address() as AddressInfo).port}`;
    // Snapshots every 10 commands: the journal is cut often, so records must be in storage before each cut.
    const vars = { ROOM_TOKEN_SECRET: SECRET, RECORDS_URL: recordsUrl, ROOM_SNAPSHOT_EVERY: "10" };
    rooms = await startPartykitDev({ port: PORT, vars });
    Object.assign(rooms, { vars });
  }, 60_000);
  afterAll(async () => {
    await rooms?.stop();
    if (rooms) removePersistDir(rooms.persistDir);
    ingest?.close();
  });

  it("trades arrive in the database as gap-free records; an outage and a restart lose and duplicate nothing", async () => {
    await pushRoomSetup(
      {
        version: 1,
        gameId,
        name: "Shipped",
        preset: "compact",
        seed: 5,
        teams: [
          { id: "t-mm", name: "Makers", role: "market_maker", apiKeyHash: null },
          { id: "t-hf", name: "Fund", role: "hedge_fund", apiKeyHash: null },
        ],
      },
      { partykitUrl: `http://127.0.0.1:${PORT}`, secret: SECRET },
    );
    const teacher = await connect("instructor", null, "teacher");
    const mm = await connect("player", "t-mm", "maker");
    const hf = await connect("player", "t-hf", "fund");
    for (const [cid, type] of [
      ["speed", "set_speed"],
      ["start", "start_game"],
      ["a1", "advance_phase"],
      ["a2", "advance_phase"],
    ] as const) {
      send(teacher, type === "set_speed" ? { type, cid, speed: 1 } : { type, cid });
      expect(await resultOf(teacher, cid)).toMatchObject({ status: "accepted" });
    }
    const trade = async (n: number) => {
      const bid = { price: 2_540, quantity: 10 };
      send(mm, { type: "quote", cid: `q${n}`, instrument: X, bid, ask: { price: 2_560, quantity: 10 } });
      await resultOf(mm, `q${n}`);
      const buy = { instrument: X, side: "buy", orderType: "limit", price: 2_560, quantity: 1 };
      send(hf, { type: "place_order", cid: `b${n}`, ...buy });
      expect(await resultOf(hf, `b${n}`)).toMatchObject({ status: "accepted" });
      send(hf, { type: "place_order", cid: `s${n}`, ...buy, side: "sell", price: 2_540 });
      await resultOf(hf, `s${n}`);
    };
    for (let n = 1; n <= 5; n++) await trade(n);

    let shipped = 0;
    await vi.waitFor(
      async () => {
        const { records } = await health();
        expect(records).toMatchObject({ pending: 0, lastError: null });
        shipped = records.shippedThrough;
        expect(await storedSeqs()).toEqual(oneToN(shipped));
      },
      { timeout: 15_000, interval: 200 },
    );
    expect((await ctx.handle.db.select().from(fillRecord)).length).toBeGreaterThanOrEqual(20);

    // The app goes down; trading goes on; the rooms restart before it is back.
    up = false;
    for (let n = 6; n <= 10; n++) await trade(n);
    await vi.waitFor(async () => expect((await health()).records.lastError).toMatch(/503/), 10_000);
    const before = (await health()).records;
    expect(before.pending).toBeGreaterThan(0);
    for (const c of [teacher, mm, hf]) c.close();
    const vars = (rooms as PartykitDev & { vars: Record<string, string> }).vars;
    await rooms.stop();
    rooms = await startPartykitDev({ port: PORT, vars, persistDir: rooms.persistDir });
    Object.assign(rooms, { vars });
    up = true;

    await vi.waitFor(
      async () => {
        const { records } = await health(); // wakes the room, which ships what it stored and what it replayed
        expect(records).toMatchObject({ pending: 0, lastError: null });
        expect(records.shippedThrough).toBeGreaterThanOrEqual(before.shippedThrough + before.pending);
        expect(await storedSeqs()).toEqual(oneToN(records.shippedThrough));
      },
      { timeout: 20_000, interval: 250 },
    );
    expect((await ctx.handle.db.select().from(fillRecord)).length).toBeGreaterThanOrEqual(40);
  }, 90_000);
});
