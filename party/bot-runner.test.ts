import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { hashApiKey } from "@/server/services/api-key";
import { pushRoomSetup } from "@/server/services/room-admin";
import { mintRoomToken } from "@/server/services/room-token";
import {
  deployOnRunner,
  type RunnerResult,
  statusOnRunner,
  stopOnRunner,
} from "../server/services/bot-runner-client";
import { mintBotServerToken } from "./bots/bot-server-token";
import type { BotFrame, LiveBotStatus } from "./bots/bot-wire";
import { type PartykitDev, removePersistDir, startPartykitDev } from "./testing/partykit-dev";
import { mustConnect, type RoomClient, type RoomMessage } from "./testing/room-client";

const SECRET = "bots-party-secret-0123456789abcdefghijkl";
// Ports of this file only (other party tests use other ranges); PORT + 1 is left for partykit's own use.
const PORT = 20_000 + (process.pid % 400);
const URL_BASE = `http://127.0.0.1:${PORT}`;
const GAME = "g-live";
const X = "SPX_4400_CALL_2024-02-15";
const GOOD_KEY = "oc_test-key-of-the-good-bot-team-0123456789abc";
const TEAMS = ["t-good", "t-loop", "t-mem", "t-throw", "t-flood"] as const;
const runner = { partykitUrl: URL_BASE, secret: SECRET };

/** Places a 1-lot bid a tick higher every 300 ms of continuous trading, up to 40 orders; reads the API as it goes. */
const GOOD = `
export function onStart(bot) { bot.state.n = 0; bot.setTimer(300); bot.log("good bot up"); }
export function onTimer(bot) {
  if (bot.clock().phase !== "continuous" || bot.state.n >= 40) return;
  bot.state.n++;
  bot.place({ instrument: "${X}", side: "buy", orderType: "limit", price: 100 + bot.state.n, quantity: 1 });
  if (bot.state.n === 1) bot.log("first bid; theo", bot.theo("${X}") !== null, "orders", bot.orders().length);
}`;
const LOOPS = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { for (;;) {} }`;
const BOMB = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { const a = []; for (;;) a.push(new Array(100000).fill(1)); }`;
const THROWS = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { throw new RangeError("bad strike"); }`;
const FLOODS = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { for (let i = 0; i < 100; i++) bot.cancelAll(); }`;

const deployment = (teamId: string, code: string, version = 1) => ({
  gameId: GAME,
  teamId,
  teamName: teamId,
  versionId: `${teamId}-v${version}`,
  version,
  code,
});

const token = async (role: "instructor" | "player", teamId: string | null) =>
  (await mintRoomToken({ sub: `u-${role}-${teamId}`, name: "T", gameId: GAME, teamId, role }, SECRET)).token;

function must(result: RunnerResult) {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stoppedStatus = (teamId: string) =>
  until(async () => {
    const result = await statusOnRunner(runner, { gameId: GAME, teamId });
    // A bots room busy stopping a runaway bot on a loaded machine may miss one status poll: ask again.
    if (!result.ok && result.code === "RUNNER_UNREACHABLE") return null;
    const { status } = must(result);
    return status?.state === "stopped" ? status : null;
  }, 30_000);

const openOrders = async (key: string) => {
  const response = await fetch(`${URL_BASE}/parties/main/game-${GAME}/api/orders`, {
    headers: { "x-api-key": key },
  });
  return ((await response.json()) as { orders: { instrument: string; source: string; price: number }[] })
    .orders;
};

/** An editor watching a bot room: every frame, in order. */
function watchBot(teamId: string, roomToken: string | null) {
  const query = roomToken ? `?token=${encodeURIComponent(roomToken)}` : "";
  const socket = new WebSocket(`ws://127.0.0.1:${PORT}/parties/bots/${GAME}.${teamId}${query}`);
  const frames: BotFrame[] = [];
  socket.on("message", (data) => frames.push(JSON.parse(String(data)) as BotFrame));
  return new Promise<{ frames: BotFrame[]; close(): void } | { refused: number }>((resolve) => {
    socket.once("open", () => resolve({ frames, close: () => socket.close() }));
    socket.once("unexpected-response", (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
  });
}

describe("the bots party runs each team's bot live against a real partykit dev", () => {
  let server: PartykitDev;
  let watcher: RoomClient;

  beforeAll(async () => {
    server = await startPartykitDev({ port: PORT, vars: { ROOM_TOKEN_SECRET: SECRET } });
    const teams = TEAMS.map((id) => ({
      id,
      name: id,
      role: "market_maker" as const,
      apiKeyHash: id === "t-good" ? hashApiKey(GOOD_KEY) : null,
    }));
    await pushRoomSetup(
      { version: 1, gameId: GAME, name: "Live bots", preset: "compact", seed: 7, teams },
      runner,
    );
    const teacher = await mustConnect(PORT, `game-${GAME}`, await token("instructor", null));
    const result = async (cid: string): Promise<RoomMessage> => {
      for (;;) {
        const m = await teacher.nextOf("command_result", 10_000);
        if (m.cid === cid) return m;
      }
    };
    for (const [i, type] of ["set_speed", "start_game", "advance_phase", "advance_phase"].entries()) {
      const message = type === "set_speed" ? { type, cid: `a${i}`, speed: 1 } : { type, cid: `a${i}` };
      teacher.socket.send(JSON.stringify(message));
      expect(await result(`a${i}`)).toMatchObject({ status: "accepted" });
    }
    teacher.close();
    watcher = await mustConnect(PORT, `game-${GAME}`, await token("player", "t-good"));
  }, 90_000);

  afterAll(async () => {
    watcher?.close();
    await server?.stop();
    if (server) removePersistDir(server.persistDir);
  });

  it("refuses callers without a server token for that bot room, and malformed deploys", async () => {
    const deployUrl = `${URL_BASE}/parties/bots/${GAME}.t-good/deploy`;
    const body = JSON.stringify(deployment("t-good", GOOD));
    expect((await fetch(deployUrl, { method: "POST", body })).status).toBe(401);
    const otherRoom = await mintBotServerToken(`${GAME}.t-loop`, SECRET);
    const wrong = await fetch(deployUrl, {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${otherRoom}` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "AUTH_REQUIRED" });

    const auth = { authorization: `Bearer ${await mintBotServerToken(`${GAME}.t-good`, SECRET)}` };
    const bad = await fetch(deployUrl, { method: "POST", headers: auth, body: '{"gameId":"g-live"' });
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: "BAD_MESSAGE", message: "The body is not valid JSON." },
    ]);
    const noCode = await fetch(deployUrl, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ ...deployment("t-good", GOOD), code: 5 }),
    });
    expect(await noCode.json()).toMatchObject({
      code: "BAD_MESSAGE",
      message: expect.stringContaining('"code"'),
    });
    const otherTeam = await fetch(deployUrl, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(deployment("t-loop", GOOD)),
    });
    expect([otherTeam.status, await otherTeam.json()]).toEqual([
      400,
      { code: "ROOM_MISMATCH", message: "This bot room serves another game or team." },
    ]);
    expect(must(await statusOnRunner(runner, { gameId: GAME, teamId: "t-good" }))).toEqual({
      status: null,
      logs: [],
    });
  });

  it("only the bot's own team may watch it", async () => {
    expect(await watchBot("t-good", null)).toEqual({ refused: 401 });
    expect(await watchBot("t-good", await token("player", "t-loop"))).toEqual({ refused: 403 });
    expect(await watchBot("t-good", await token("instructor", null))).toEqual({ refused: 403 });
  });

  it("a deployed bot trades as its team; loops, bombs, throws and floods are stopped with their reason while it carries on; Stop stops it", async () => {
    const editor = await watchBot("t-good", await token("player", "t-good"));
    if ("refused" in editor) throw new Error(`editor refused: ${editor.refused}`);
    await until(async () => editor.frames.length > 0);
    expect(editor.frames[0]).toEqual({ type: "bot_status", status: null });

    const deployed = must(await deployOnRunner(runner, deployment("t-good", GOOD)));
    expect(deployed.status).toMatchObject({ teamId: "t-good", version: 1, state: "running", reason: null });

    // The order reaches the room as the team's, with source `bot`: the team's screen and its API key both see it.
    expect(await watcher.nextOf("order_resting", 10_000)).toMatchObject({
      order: { instrument: X, side: "buy", price: 101, source: "bot" },
    });
    const firstOrders = await until(async () => {
      const orders = await openOrders(GOOD_KEY);
      return orders.length > 0 ? orders : null;
    });
    expect(firstOrders[0]).toMatchObject({ instrument: X, source: "bot", price: 101 });

    // The editor saw the status and the bot's own log lines, live.
    await until(async () =>
      editor.frames.some((f) => f.type === "bot_log" && f.line.startsWith("first bid; theo true")),
    );
    expect(editor.frames).toContainEqual({ type: "bot_log", line: "good bot up", at: expect.any(Number) });
    expect(editor.frames).toContainEqual({
      type: "bot_status",
      status: expect.objectContaining({ state: "running", connected: true, version: 1 }),
    });

    const bad: [string, string, LiveBotStatus["reason"], RegExp][] = [
      ["t-loop", LOOPS, "cpu_budget", /longer than 50 ms/],
      ["t-mem", BOMB, "memory_budget", /more than 16 MB/],
      ["t-throw", THROWS, "crashed", /threw RangeError: bad strike/],
      ["t-flood", FLOODS, "action_budget", /more than 40 orders a second/],
    ];
    for (const [teamId, code] of bad) must(await deployOnRunner(runner, deployment(teamId, code)));
    for (const [teamId, , reason, message] of bad) {
      const status = await stoppedStatus(teamId);
      expect(status).toMatchObject({ teamId, reason });
      expect(status.message).toMatch(message);
    }

    // The good bot keeps trading after all of them were stopped.
    const afterBad = (await openOrders(GOOD_KEY)).length;
    await until(async () => (await openOrders(GOOD_KEY)).length >= afterBad + 3);

    const stopped = must(await stopOnRunner(runner, { gameId: GAME, teamId: "t-good" }));
    expect(stopped.status).toMatchObject({ state: "stopped", reason: "stopped_by_team" });
    expect(stopped.logs.at(-1)?.line).toBe("Stopped by your team.");
    await until(async () =>
      editor.frames.some((f) => f.type === "bot_status" && f.status?.reason === "stopped_by_team"),
    );
    const atStop = (await openOrders(GOOD_KEY)).length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await openOrders(GOOD_KEY)).length).toBe(atStop);
    editor.close();
  }, 90_000);

  it("a redeploy replaces the running version; a bot that does not load is reported, not run", async () => {
    must(await deployOnRunner(runner, deployment("t-loop", GOOD, 2)));
    const replaced = must(await deployOnRunner(runner, deployment("t-loop", GOOD, 3)));
    expect(replaced.status).toMatchObject({ version: 3, state: "running" });

    const broken = must(await deployOnRunner(runner, deployment("t-loop", "export function onStart( {", 4)));
    expect(broken.status).toMatchObject({ version: 4, state: "stopped", reason: "load_failed" });
    expect(broken.status?.message).toMatch(/^Your bot did not load: SyntaxError/);
  });

  it("after a restart the game room wakes its teams' bots: a running bot trades again with nobody at the editor, a stopped one stays stopped", async () => {
    const goodTeam = { gameId: GAME, teamId: "t-good" };
    const beforeDeploy = (await openOrders(GOOD_KEY)).length;
    must(await deployOnRunner(runner, deployment("t-good", GOOD, 2)));
    await until(async () => (await openOrders(GOOD_KEY)).length > beforeDeploy);
    const persistDir = server.persistDir;
    await server.stop();
    server = await startPartykitDev({ port: PORT, vars: { ROOM_TOKEN_SECRET: SECRET }, persistDir });
    // Only the game room is visited (an API read, as a reconnecting trader or the clock's alarm would): it wakes
    // the bots rooms of the teams whose bots traded here, and the bot resumes (v2, stored) and trades again,
    // before anyone opens the editor or asks the bots party.
    const atRestart = (await openOrders(GOOD_KEY)).length;
    await until(async () => (await openOrders(GOOD_KEY)).length > atRestart, 30_000);
    const woken = must(await statusOnRunner(runner, goodTeam));
    expect(woken.status).toMatchObject({ version: 2, state: "running" });
    expect(must(await statusOnRunner(runner, { gameId: GAME, teamId: "t-mem" })).status).toMatchObject({
      state: "stopped",
      reason: "memory_budget",
    });
    must(await stopOnRunner(runner, goodTeam));
  }, 90_000);
});
