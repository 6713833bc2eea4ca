import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepOnce } from "@/examples/external-bot.mjs";
import { hashApiKey } from "@/server/services/api-key";
import { pushRoomSetup } from "@/server/services/room-admin";
import { mintRoomToken } from "@/server/services/room-token";
import { type PartykitDev, removePersistDir, startPartykitDev } from "./testing/partykit-dev";
import { mustConnect, type RoomClient, type RoomMessage } from "./testing/room-client";

const SECRET = "room-secret-for-trading-tests-0123456789ab";
const PORT = 19_500 + (process.pid % 300);
const GAME = "g-trade";
const ROOM = `game-${GAME}`;
const X = "SPX_4400_CALL_2024-02-15";
const MM_KEY = "oc_test-key-of-the-market-maker-team-0123456789";

const setup = {
  version: 1,
  gameId: GAME,
  name: "Trading",
  preset: "compact" as const,
  seed: 11,
  teams: [
    { id: "t-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: hashApiKey(MM_KEY) },
    { id: "t-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null },
  ],
};

const token = async (role: "instructor" | "player" | "viewer", teamId: string | null, sub: string) =>
  (await mintRoomToken({ sub, name: sub, gameId: GAME, teamId, role }, SECRET)).token;

const send = (client: RoomClient, message: Record<string, unknown>) =>
  client.socket.send(JSON.stringify(message));

/** The command_result for a cid, skipping anything before it. */
async function resultOf(client: RoomClient, cid: string): Promise<RoomMessage> {
  for (;;) {
    const m = await client.nextOf("command_result");
    if (m.cid === cid) return m;
  }
}

describe("trading in a game room on a real partykit dev server", () => {
  let server: PartykitDev;
  let instructor: RoomClient;
  let mm: RoomClient;
  let mm2: RoomClient;
  let hf: RoomClient;
  let viewer: RoomClient;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${PORT}/parties/main/${ROOM}/api/${path}`, init);

  beforeAll(async () => {
    server = await startPartykitDev({ port: PORT, vars: { ROOM_TOKEN_SECRET: SECRET } });
    await pushRoomSetup(setup, { partykitUrl: `http://127.0.0.1:${PORT}`, secret: SECRET });
    instructor = await mustConnect(PORT, ROOM, await token("instructor", null, "teacher"));
    mm = await mustConnect(PORT, ROOM, await token("player", "t-mm", "maker-1"));
    mm2 = await mustConnect(PORT, ROOM, await token("player", "t-mm", "maker-2"));
    hf = await mustConnect(PORT, ROOM, await token("player", "t-hf", "fund-1"));
    viewer = await mustConnect(PORT, ROOM, await token("viewer", null, "projector"));
    for (const c of [instructor, mm, mm2, hf, viewer]) {
      expect(await c.nextOf("snapshot")).toMatchObject({ clock: { phase: "closed" } });
    }
  }, 60_000);
  afterAll(async () => {
    for (const c of [instructor, mm, mm2, hf, viewer]) c?.close();
    await server.stop();
    removePersistDir(server.persistDir);
  });

  it("the instructor opens the market; everyone sees the phase", async () => {
    // Real time (1×): simulated retail orders arrive a few times per 5 game-minutes, so they stay out of the way.
    send(instructor, { type: "set_speed", cid: "speed", speed: 1 });
    await resultOf(instructor, "speed");
    send(instructor, { type: "start_game", cid: "start" });
    expect(await resultOf(instructor, "start")).toMatchObject({ status: "accepted" });
    for (const cid of ["a1", "a2"]) {
      send(instructor, { type: "advance_phase", cid });
      await resultOf(instructor, cid);
    }
    for (const c of [mm, hf, viewer]) {
      let clock = await c.nextOf("clock");
      while ((clock.clock as { phase: string }).phase !== "continuous") clock = await c.nextOf("clock");
    }
  });

  it("two teams trade: each sees exactly its own private events, everyone sees the tape and the book", async () => {
    send(mm, {
      type: "quote",
      cid: "q1",
      instrument: X,
      bid: { price: 2540, quantity: 20 },
      ask: { price: 2560, quantity: 20 },
    });
    expect(await resultOf(mm, "q1")).toMatchObject({
      status: "accepted",
      orderIds: [expect.any(String), expect.any(String)],
    });
    // The team's second screen sees the resting quote too, without the result meant for the first.
    expect(await mm2.nextOf("order_resting")).toMatchObject({
      order: { instrument: X, side: "buy", price: 2540 },
    });
    const delta = await viewer.nextOf("book_delta");
    expect(delta).toMatchObject({ instrument: X, bids: [[2540, 20]], asks: [[2560, 20]] });

    send(hf, {
      type: "place_order",
      cid: "lift",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2560,
      quantity: 5,
    });
    const hfResult = await resultOf(hf, "lift");
    expect(hfResult).toMatchObject({ status: "accepted" });
    const hfFill = await hf.nextOf("fill");
    expect(hfFill).toMatchObject({
      price: 2560,
      quantity: 5,
      liquidity: "taker",
      feeCents: -10,
      cid: "lift",
    });
    expect(hfFill.seq).toBe(hfResult.seq); // result and fill in one frame
    expect(await hf.nextOf("position")).toMatchObject({ position: { instrument: X, position: 5 } });
    expect(await mm.nextOf("fill")).toMatchObject({
      price: 2560,
      quantity: 5,
      liquidity: "maker",
      feeCents: 10,
    });
    expect(await mm2.nextOf("fill")).toMatchObject({ quantity: 5 });
    for (const c of [viewer, mm, hf]) {
      expect(await c.nextOf("trade")).toMatchObject({
        instrument: X,
        price: 2560,
        quantity: 5,
        aggressor: "buy",
      });
    }
    // Nobody else got a private message of these teams.
    await new Promise((r) => setTimeout(r, 200));
    const privateTypes = ["fill", "order_resting", "order_cancelled", "position", "command_result"];
    expect(viewer.pending.filter((m) => privateTypes.includes(m.type))).toEqual([]);
    expect(
      instructor.pending.filter(
        (m) => privateTypes.includes(m.type) && m.cid !== undefined && m.cid !== "a2",
      ),
    ).toEqual([]);
    expect(hf.pending.filter((m) => m.type === "fill" || m.type === "order_resting")).toEqual([]);
  });

  it("authorisation: viewers and instructors cannot trade, players cannot run the game, teams cannot cancel others' orders", async () => {
    const order = {
      type: "place_order",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 100,
      quantity: 1,
    };
    send(viewer, { ...order, cid: "v1" });
    expect(await resultOf(viewer, "v1")).toMatchObject({ status: "rejected", code: "READ_ONLY" });
    send(instructor, { ...order, cid: "i1" });
    expect(await resultOf(instructor, "i1")).toMatchObject({ status: "rejected", code: "NOT_A_TRADER" });
    send(hf, { type: "pause", cid: "h1" });
    expect(await resultOf(hf, "h1")).toMatchObject({ status: "rejected", code: "FORBIDDEN" });
    send(viewer, { type: "end_game", cid: "v2" });
    expect(await resultOf(viewer, "v2")).toMatchObject({ status: "rejected", code: "FORBIDDEN" });

    send(mm, {
      type: "place_order",
      cid: "mine",
      instrument: X,
      side: "sell",
      orderType: "limit",
      price: 2600,
      quantity: 3,
    });
    const mine = await resultOf(mm, "mine");
    const orderId = (mine.orderIds as string[])[0];
    send(hf, { type: "cancel_order", cid: "steal", orderId });
    expect(await resultOf(hf, "steal")).toMatchObject({ status: "rejected", code: "CANCEL_FAILED" });
    // Even a message naming another team is traded as the token's team: there is no team field to forge.
    send(hf, {
      type: "place_order",
      cid: "forge",
      teamId: "t-mm",
      instrument: X,
      side: "sell",
      orderType: "limit",
      price: 2700,
      quantity: 1,
    });
    await resultOf(hf, "forge");
    const orders = (await (await api("orders", { headers: { "x-api-key": MM_KEY } })).json()) as {
      orders: { orderId: string; price: number }[];
    };
    expect(orders.orders.map((o) => o.price)).not.toContain(2700);
    expect(orders.orders.map((o) => o.orderId)).toContain(orderId);
  });

  it("bad trading frames get clear rejections and the room keeps serving", async () => {
    const frames = [
      {
        type: "place_order",
        cid: "n1",
        instrument: X,
        side: "buy",
        orderType: "limit",
        price: -5,
        quantity: 1,
      },
      {
        type: "place_order",
        cid: "n2",
        instrument: X,
        side: "buy",
        orderType: "limit",
        price: 2.5,
        quantity: 1,
      },
      {
        type: "place_order",
        cid: "n3",
        instrument: X,
        side: "buy",
        orderType: "limit",
        price: 100,
        quantity: 1e20,
      },
      {
        type: "place_order",
        cid: "n4",
        instrument: X,
        side: "up",
        orderType: "limit",
        price: 100,
        quantity: 1,
      },
      {
        type: "batch",
        cid: "n5",
        commands: Array.from({ length: 51 }, (_, i) => ({ type: "cancel_all", cid: `b${i}` })),
      },
      { type: "launch_rockets", cid: "n6" },
    ];
    for (const f of frames) send(hf, f);
    for (const f of frames) {
      expect(await hf.nextOf("rejected")).toMatchObject({ cid: f.cid, code: "BAD_MESSAGE" });
    }
    hf.socket.send('{"type":"place_order","cid":"nan","price":NaN}');
    expect(await hf.nextOf("rejected")).toMatchObject({
      code: "BAD_MESSAGE",
      message: "Frame is not valid JSON.",
    });
    // Flood beyond the rate limit: 60 orders at once, 40 pass (burst), the rest are RATE_LIMIT — no disconnect.
    const flood = Array.from({ length: 50 }, (_, i) => ({
      type: "place_order",
      cid: `f${i}`,
      instrument: "SPX_4400_PUT_2024-02-15",
      side: "buy",
      orderType: "limit",
      price: 10 + i,
      quantity: 1,
    }));
    send(hf, { type: "batch", cid: "flood", commands: flood });
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await hf.nextOf("command_result");
      codes.push(r.status === "accepted" ? "ok" : (r.code as string));
    }
    expect(codes.filter((c) => c === "RATE_LIMIT").length).toBeGreaterThanOrEqual(9);
    expect(codes.filter((c) => c === "ok").length).toBeLessThanOrEqual(41);
    send(hf, { type: "ping", cid: "alive" });
    expect(await hf.nextOf("pong")).toMatchObject({ cid: "alive" });
  });

  it("a connection subscribes to the books it wants; newly added books arrive as snapshots", async () => {
    const PUT = "SPX_4400_PUT_2024-02-15";
    send(viewer, { type: "subscribe", cid: "s1", books: [PUT] });
    expect(await resultOf(viewer, "s1")).toMatchObject({ status: "accepted" });
    send(viewer, { type: "subscribe", cid: "s2", books: ["SPX_1_CALL_2024-02-15"] });
    expect(await resultOf(viewer, "s2")).toMatchObject({ status: "rejected", code: "INVALID_INSTRUMENT" });
    send(mm, {
      type: "place_order",
      cid: "x-only",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2_300,
      quantity: 1,
    });
    await resultOf(mm, "x-only");
    send(mm, {
      type: "place_order",
      cid: "put-too",
      instrument: PUT,
      side: "buy",
      orderType: "limit",
      price: 900,
      quantity: 1,
    });
    await resultOf(mm, "put-too");
    const delta = await viewer.nextOf("book_delta");
    expect(delta.instrument).toBe(PUT);
    // Back to everything: the books it missed come back whole.
    send(viewer, { type: "subscribe", cid: "s3", books: "all" });
    await resultOf(viewer, "s3");
    const snapshot = await viewer.nextOf("book_snapshot");
    expect(snapshot.instrument).not.toBe(PUT);
    const xBook =
      [snapshot, ...viewer.pending].find((m) => m.type === "book_snapshot" && m.instrument === X) ??
      (await (async () => {
        for (;;) {
          const m = await viewer.nextOf("book_snapshot");
          if (m.instrument === X) return m;
        }
      })());
    expect((xBook.bids as number[][]).some(([price]) => price === 2_300)).toBe(true);
  });

  it("the HTTP API trades as the key's team through the same pipeline and limits", async () => {
    expect((await api("positions")).status).toBe(401);
    expect((await api("positions", { headers: { "x-api-key": "oc_wrong" } })).status).toBe(401);
    const post = (body: unknown) =>
      api("commands", {
        method: "POST",
        headers: { "x-api-key": MM_KEY, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const placed = await post({
      type: "place_order",
      cid: "api-1",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2550,
      quantity: 2,
    });
    expect(placed.status).toBe(200);
    expect(await placed.json()).toMatchObject({
      results: [{ type: "command_result", cid: "api-1", status: "accepted" }],
      events: [{ type: "order_resting", order: { source: "api", price: 2550 } }],
    });
    // The team's browser sees the API's order; the hedge fund does not.
    let resting = await mm.nextOf("order_resting");
    while ((resting.order as { cid: string }).cid !== "api-1") resting = await mm.nextOf("order_resting");
    expect(resting).toMatchObject({ order: { cid: "api-1", source: "api" } });
    const tooBig = await post({
      type: "place_order",
      cid: "api-2",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2550,
      quantity: 60,
    });
    expect(await tooBig.json()).toMatchObject({ results: [{ status: "rejected", code: "MM_POS_LIMIT" }] });
    const bad = await post({ type: "place_order", cid: "api-3", price: "NaN" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "BAD_MESSAGE" });
    const positions = (await (await api("positions", { headers: { "x-api-key": MM_KEY } })).json()) as {
      positions: { position: number }[];
    };
    expect(positions.positions[0]).toMatchObject({ position: -5 });
    // The documented example client (examples/external-bot.mjs) quotes through the same API.
    const example = await stepOnce({
      rooms: `http://127.0.0.1:${PORT}`,
      game: GAME,
      key: MM_KEY,
      symbol: "SPX_4400_PUT_2024-02-15",
      role: "market_maker",
      fallbackTicks: 5_000,
    });
    expect(example.answer.results[0], JSON.stringify(example)).toMatchObject({ status: "accepted" });
    const book = (await (await api(`book?instrument=${X}`, { headers: { "x-api-key": MM_KEY } })).json()) as {
      bids: number[][];
    };
    expect(book.bids[0]?.[0]).toBe(2550);
  });
});

describe("a restart of the dev server mid-game", () => {
  const port = PORT + 1;
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${port}/parties/main/${ROOM}/health`)).json()) as Record<
      string,
      unknown
    >;

  it("loses no acknowledged order or fill: same state hash, same orders and positions on reconnect", async () => {
    let server = await startPartykitDev({
      port,
      vars: { ROOM_TOKEN_SECRET: SECRET, ROOM_SNAPSHOT_EVERY: "20" },
    });
    try {
      await pushRoomSetup(setup, { partykitUrl: `http://127.0.0.1:${port}`, secret: SECRET });
      const teacher = await mustConnect(port, ROOM, await token("instructor", null, "teacher"));
      send(teacher, { type: "set_speed", cid: "speed", speed: 1 });
      await resultOf(teacher, "speed");
      for (const cid of ["s", "a", "b"]) {
        send(teacher, { type: cid === "s" ? "start_game" : "advance_phase", cid });
        await resultOf(teacher, cid);
      }
      const mm = await mustConnect(port, ROOM, await token("player", "t-mm", "maker-1"));
      const hf = await mustConnect(port, ROOM, await token("player", "t-hf", "fund-1"));
      // 30 commands: past one snapshot (every 20), so the restore uses a snapshot and a journal tail.
      for (let i = 0; i < 15; i++) {
        send(mm, {
          type: "quote",
          cid: `q${i}`,
          instrument: X,
          bid: { price: 2500 + i, quantity: 10 },
          ask: { price: 2520 + i, quantity: 10 },
        });
        await resultOf(mm, `q${i}`);
      }
      for (let i = 0; i < 3; i++) {
        send(hf, {
          type: "place_order",
          cid: `h${i}`,
          instrument: X,
          side: "buy",
          orderType: "market",
          quantity: 2,
        });
        await resultOf(hf, `h${i}`);
      }
      // Pause: the clock stops, so nothing changes between the measurement and the restart.
      send(teacher, { type: "pause", cid: "pause" });
      await resultOf(teacher, "pause");
      const before = await health();
      expect(Number(before.snapshotSeq)).toBeGreaterThan(0);
      for (const c of [teacher, mm, hf]) c.close();

      await server.stop();
      server = await startPartykitDev({
        port,
        vars: { ROOM_TOKEN_SECRET: SECRET },
        persistDir: server.persistDir,
      });
      expect({ ...(await health()), connected: 0 }).toEqual({ ...before, connected: 0 });

      const again = await mustConnect(port, ROOM, await token("player", "t-hf", "fund-1"));
      const snapshot = await again.nextOf("snapshot");
      expect(snapshot).toMatchObject({
        clock: { phase: "paused" },
        positions: [{ instrument: X, position: 6 }],
      });
      expect(snapshot.books).toContainEqual({ instrument: X, bids: [[2514, 10]], asks: [[2534, 4]] });
      const mmAgain = await mustConnect(port, ROOM, await token("player", "t-mm", "maker-1"));
      const mmSnapshot = await mmAgain.nextOf("snapshot");
      expect((mmSnapshot.orders as unknown[]).length).toBe(2);
      for (const c of [again, mmAgain]) c.close();
    } finally {
      await server.stop();
      removePersistDir(server.persistDir);
    }
  }, 120_000);
});

describe("the game clock across a restart", () => {
  const port = PORT + 2;
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${port}/parties/main/${ROOM}/health`)).json()) as { seq: number };

  it("re-arms its timer when the room is restored: the session keeps running with nobody connected", async () => {
    let server = await startPartykitDev({ port, vars: { ROOM_TOKEN_SECRET: SECRET } });
    try {
      await pushRoomSetup(setup, { partykitUrl: `http://127.0.0.1:${port}`, secret: SECRET });
      const teacher = await mustConnect(port, ROOM, await token("instructor", null, "teacher"));
      send(teacher, { type: "start_game", cid: "s" });
      await resultOf(teacher, "s");
      teacher.close();
      const running = (await health()).seq;
      await new Promise((r) => setTimeout(r, 600));
      expect((await health()).seq).toBeGreaterThan(running); // the timer journals clock commands

      await server.stop();
      server = await startPartykitDev({
        port,
        vars: { ROOM_TOKEN_SECRET: SECRET },
        persistDir: server.persistDir,
      });
      const restored = (await health()).seq; // this request wakes the room: onStart restores and re-arms
      await new Promise((r) => setTimeout(r, 800));
      expect((await health()).seq).toBeGreaterThan(restored);
    } finally {
      await server.stop();
      removePersistDir(server.persistDir);
    }
  }, 120_000);
});
