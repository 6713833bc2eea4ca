import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { mintServerToken, pushRoomSetup } from "@/server/services/room-admin";
import { mintRoomToken } from "@/server/services/room-token";
import { type PartykitDev, removePersistDir, startPartykitDev } from "./testing/partykit-dev";

const SECRET = "room-secret-for-room-tests-0123456789abcdef";
const PORT = 19_000 + (process.pid % 500);

type Opened = {
  socket: WebSocket;
  messages: unknown[];
  /** `snapshot` messages (they follow each welcome in the same frame), kept aside. */
  snapshots: Record<string, unknown>[];
  next: () => Promise<Record<string, unknown>>;
};

function connect(room: string, token: string | null, extra = ""): Promise<Opened | { refused: number }> {
  return connectAt(PORT, room, token, extra);
}

async function connect2(port: number, room: string, token: string): Promise<Opened> {
  const opened = await connectAt(port, room, token, "");
  if ("refused" in opened) throw new Error(`refused ${opened.refused}`);
  return opened;
}

function connectAt(
  port: number,
  room: string,
  token: string | null,
  extra: string,
): Promise<Opened | { refused: number }> {
  const query = token ? `?token=${encodeURIComponent(token)}${extra}` : "";
  const socket = new WebSocket(`ws://127.0.0.1:${port}/parties/main/${room}${query}`);
  const messages: Record<string, unknown>[] = [];
  const snapshots: Record<string, unknown>[] = [];
  const waiters: ((m: Record<string, unknown>) => void)[] = [];
  socket.on("message", (data) => {
    const frame = JSON.parse(String(data)) as { seq: number; msgs: Record<string, unknown>[] };
    for (const message of frame.msgs) {
      if (message.type === "snapshot") {
        snapshots.push(message);
        continue;
      }
      if (message.type === "leaderboard" || message.type === "settings") continue;
      const withSeq = { ...message, seq: frame.seq };
      const waiter = waiters.shift();
      if (waiter) waiter(withSeq);
      else messages.push(withSeq);
    }
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) => {
      const queued = messages.shift();
      if (queued) resolve(queued);
      else waiters.push(resolve);
    });
  return new Promise((resolve) => {
    socket.once("open", () => resolve({ socket, messages, snapshots, next }));
    socket.once("unexpected-response", (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    socket.once("error", () => resolve({ refused: -1 }));
  });
}

const player = { sub: "u-1", name: "Bo", gameId: "g-1", teamId: "t-1", role: "player" as const };

describe("game room on a real partykit dev server", () => {
  let server: PartykitDev;
  beforeAll(async () => {
    server = await startPartykitDev({ port: PORT, vars: { ROOM_TOKEN_SECRET: SECRET } });
  });
  afterAll(async () => {
    await server.stop();
    removePersistDir(server.persistDir);
  });

  it("welcomes a token holder with its claims and answers a ping", async () => {
    const { token } = await mintRoomToken(player, SECRET);
    const opened = await connect("game-g-1", token);
    if ("refused" in opened) throw new Error(`refused ${opened.refused}`);
    expect(await opened.next()).toMatchObject({
      seq: 1,
      type: "welcome",
      protocol: 1,
      gameId: "g-1",
      you: { userId: "u-1", teamId: "t-1", role: "player" },
      connected: 1,
    });
    // No setup pushed yet: an empty market, closed.
    expect(opened.snapshots[0]).toMatchObject({
      type: "snapshot",
      instruments: [],
      clock: { phase: "closed" },
    });
    opened.socket.send(JSON.stringify({ type: "ping", cid: "c-1" }));
    expect(await opened.next()).toMatchObject({ seq: 2, type: "pong", cid: "c-1", pings: 1 });
    opened.socket.close();
  });

  it("replays the frames a reconnecting session missed, in order", async () => {
    const { token } = await mintRoomToken(player, SECRET);
    const first = await connect("game-g-1", token, "&sid=session-resume-1");
    if ("refused" in first) throw new Error("refused");
    expect(await first.next()).toMatchObject({ seq: 1, type: "welcome" });
    first.socket.send(JSON.stringify({ type: "ping", cid: "p-1" }));
    expect(await first.next()).toMatchObject({ seq: 2, cid: "p-1" });
    first.socket.send(JSON.stringify({ type: "ping", cid: "p-2" }));
    expect(await first.next()).toMatchObject({ seq: 3, cid: "p-2" });
    first.socket.close();

    // Back after seeing only seq 1: seq 2 and 3 are replayed, then the new welcome.
    const second = await connect("game-g-1", token, "&sid=session-resume-1&resume=1");
    if ("refused" in second) throw new Error("refused");
    expect(await second.next()).toMatchObject({ seq: 2, type: "pong", cid: "p-1" });
    expect(await second.next()).toMatchObject({ seq: 3, type: "pong", cid: "p-2" });
    expect(await second.next()).toMatchObject({ seq: 4, type: "welcome" });
    second.socket.close();
  });

  it("refuses a missing, expired, forged or other-room token", async () => {
    const otherRoom = await mintRoomToken({ ...player, gameId: "g-2" }, SECRET);
    const expired = await mintRoomToken(player, SECRET, { nowSeconds: 1_000, ttlSeconds: 60 });
    const forged = await mintRoomToken(player, "not-the-room-secret-0123456789abcdefgh");
    expect(await connect("game-g-1", null)).toEqual({ refused: 401 });
    expect(await connect("game-g-1", otherRoom.token)).toEqual({ refused: 401 });
    expect(await connect("game-g-1", expired.token)).toEqual({ refused: 401 });
    expect(await connect("game-g-1", forged.token)).toEqual({ refused: 401 });
  });

  it("survives a seeded flood of fuzzed frames: every one rejected, the room keeps serving", async () => {
    const { token } = await mintRoomToken(player, SECRET);
    const opened = await connect("game-g-1", token);
    if ("refused" in opened) throw new Error("refused");
    await opened.next(); // welcome
    let seed = 20_261_124;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const pieces = [
      '{"type":',
      '"ping"',
      '"cid":',
      "NaN",
      "-1",
      "1e309",
      "null",
      "[",
      "]",
      "{",
      "}",
      ",",
      '"\\u0000"',
      "true",
    ];
    const frames = Array.from({ length: 200 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(""),
    );
    frames.push(
      JSON.stringify({ type: "ping", cid: 12 }),
      JSON.stringify({ type: "place_order", cid: "x", price: "NaN" }),
    );
    for (const frame of frames) opened.socket.send(frame);
    const valid = frames.filter((f) => {
      try {
        const v = JSON.parse(f) as { type?: unknown; cid?: unknown };
        return v?.type === "ping" && typeof v.cid === "string" && v.cid.length > 0 && v.cid.length <= 64;
      } catch {
        return false;
      }
    }).length;
    for (let i = 0; i < frames.length; i++) {
      const answer = await opened.next();
      expect(["rejected", "pong"]).toContain(answer.type);
    }
    opened.socket.send(JSON.stringify({ type: "ping", cid: "still-alive" }));
    expect(await opened.next()).toMatchObject({ type: "pong", cid: "still-alive" });
    expect(valid).toBeLessThan(frames.length);
    opened.socket.close();
  });

  it("answers bad frames with a rejection and keeps serving", async () => {
    const { token } = await mintRoomToken(player, SECRET);
    const opened = await connect("game-g-1", token);
    if ("refused" in opened) throw new Error("refused");
    await opened.next(); // welcome
    opened.socket.send("{not json");
    expect(await opened.next()).toMatchObject({
      type: "rejected",
      code: "BAD_MESSAGE",
      message: "Frame is not valid JSON.",
    });
    opened.socket.send(JSON.stringify({ type: "ping" }));
    expect(await opened.next()).toMatchObject({ type: "rejected", code: "BAD_MESSAGE" });
    opened.socket.send("x".repeat(70_000));
    expect(await opened.next()).toMatchObject({ type: "rejected", code: "FRAME_TOO_LARGE" });
    opened.socket.send(JSON.stringify({ type: "ping", cid: "after" }));
    expect(await opened.next()).toMatchObject({ type: "pong", cid: "after" });
    opened.socket.close();
  });
});

describe("room setup pushed by the server", () => {
  let server: PartykitDev;
  const port = PORT + 1;
  const setup = (version: number) => ({
    version,
    gameId: "g-9",
    name: "Setup",
    preset: "compact" as const,
    seed: 9,
    teams: [{ id: "t-1", name: "Alpha", role: "market_maker" as const, apiKeyHash: null }],
  });
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${port}/parties/main/game-g-9/health`)).json()) as {
      setupVersion: number;
    };

  beforeAll(async () => {
    server = await startPartykitDev({ port, vars: { ROOM_TOKEN_SECRET: SECRET } });
  });
  afterAll(async () => {
    await server.stop();
    removePersistDir(server.persistDir);
  });

  it("keeps the newest setup and ignores an older one", async () => {
    const target = { partykitUrl: `http://127.0.0.1:${port}`, secret: SECRET };
    await pushRoomSetup(setup(3), target);
    expect((await health()).setupVersion).toBe(3);
    await pushRoomSetup(setup(2), target);
    expect((await health()).setupVersion).toBe(3);
  });

  it("refuses a setup without a server token, with a player's token, or with a bad body", async () => {
    const url = `http://127.0.0.1:${port}/parties/main/game-g-9/setup`;
    const post = (authorization: string, body: unknown) =>
      fetch(url, { method: "POST", headers: { authorization }, body: JSON.stringify(body) });
    const playerToken = (await mintRoomToken({ ...player, gameId: "g-9" }, SECRET)).token;
    expect((await post("", setup(10))).status).toBe(401);
    expect((await post(`Bearer ${playerToken}`, setup(10))).status).toBe(401);
    const serverToken = await mintServerToken("g-9", SECRET);
    const bad = await post(`Bearer ${serverToken}`, { version: "x" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "BAD_MESSAGE" });
    expect((await health()).setupVersion).toBe(3);
  });
});

describe("room durability across a restart of the dev server", () => {
  const port = PORT + 2;
  const health = async () =>
    (await (await fetch(`http://127.0.0.1:${port}/parties/main/game-g-7/health`)).json()) as {
      seq: number;
      snapshotSeq: number;
      stateHash: string;
      setupVersion: number | null;
    };

  it("restores snapshot + journal tail: nothing acknowledged is lost and the state hash is equal", async () => {
    const vars = { ROOM_TOKEN_SECRET: SECRET, ROOM_SNAPSHOT_EVERY: "500" };
    let server = await startPartykitDev({ port, vars });
    try {
      await pushRoomSetup(
        { version: 4, gameId: "g-7", name: "Durable", preset: "compact", seed: 7, teams: [] },
        { partykitUrl: `http://127.0.0.1:${port}`, secret: SECRET },
      );
      const { token } = await mintRoomToken({ ...player, gameId: "g-7" }, SECRET);
      const opened = await connect2(port, "game-g-7", token);
      await opened.next(); // welcome
      // 520 acknowledged pings: more than one snapshot interval, so restore uses a snapshot and a journal tail.
      for (let i = 1; i <= 520; i++) opened.socket.send(JSON.stringify({ type: "ping", cid: `p-${i}` }));
      let last: Record<string, unknown> = {};
      for (let i = 1; i <= 520; i++) last = await opened.next();
      expect(last).toMatchObject({ type: "pong", cid: "p-520", pings: 520 });
      opened.socket.close();
      const before = await health();
      expect(before).toMatchObject({ seq: 521, setupVersion: 4 });
      expect(before.snapshotSeq).toBeGreaterThanOrEqual(500);
      expect(before.snapshotSeq).toBeLessThan(521);

      await server.stop();
      server = await startPartykitDev({
        port,
        vars: { ROOM_TOKEN_SECRET: SECRET },
        persistDir: server.persistDir,
      });
      expect(await health()).toEqual(before);

      const again = await connect2(port, "game-g-7", token);
      await again.next();
      again.socket.send(JSON.stringify({ type: "ping", cid: "after-restart" }));
      expect(await again.next()).toMatchObject({ cid: "after-restart", pings: 521 });
      again.socket.close();
    } finally {
      await server.stop();
      removePersistDir(server.persistDir);
    }
  }, 120_000);
});
