import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PartykitDev, removePersistDir, startPartykitDev } from "@/party/testing/partykit-dev";
import { mustConnect, type RoomClient, type RoomMessage } from "@/party/testing/room-client";
import { pushRoomSetup } from "../services/room-admin";
import { mintRoomToken } from "../services/room-token";
import { BotRunner } from "./bot-runner";

const SECRET = "bot-runner-secret-0123456789abcdefghij";
const PORT = 20_800 + (process.pid % 150);
const GAME = "g-bots";
const ROOM = `game-${GAME}`;
const X = "SPX_4400_CALL_2024-02-15";

const GOOD = `
export function onStart(bot) { bot.state.sent = 0; bot.setTimer(300); bot.log("hello from the bot"); }
export function onTimer(bot) {
  if (bot.clock().phase !== "continuous" || bot.state.sent >= 3) return;
  bot.state.sent++;
  bot.place({ instrument: "${X}", side: "buy", orderType: "limit", price: 100 + bot.state.sent, quantity: 1 });
}`;
const LOOPS = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { for (;;) {} }`;
const FLOODS = `export function onStart(bot) { bot.setTimer(300); }
export function onTimer(bot) { for (let i = 0; i < 100; i++) bot.cancelAll(); }`;

describe("the live bot runner against a real partykit dev", () => {
  let server: PartykitDev;
  let runner: BotRunner;
  let watcher: RoomClient;
  const token = (role: "instructor" | "player", teamId: string | null) =>
    mintRoomToken({ sub: `u-${role}-${teamId}`, name: "T", gameId: GAME, teamId, role }, SECRET).then(
      (t) => t.token,
    );
  const result = async (client: RoomClient, cid: string): Promise<RoomMessage> => {
    for (;;) {
      const m = await client.nextOf("command_result", 10_000);
      if (m.cid === cid) return m;
    }
  };
  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error("timed out waiting");
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    server = await startPartykitDev({ port: PORT, vars: { ROOM_TOKEN_SECRET: SECRET } });
    const teams = ["t-good", "t-loop", "t-flood"].map((id) => ({
      id,
      name: id,
      role: "market_maker" as const,
      apiKeyHash: null,
    }));
    await pushRoomSetup(
      { version: 1, gameId: GAME, name: "Bots", preset: "compact", seed: 5, teams },
      {
        partykitUrl: `http://127.0.0.1:${PORT}`,
        secret: SECRET,
      },
    );
    const teacher = await mustConnect(PORT, ROOM, await token("instructor", null));
    for (const [i, type] of ["set_speed", "start_game", "advance_phase", "advance_phase"].entries()) {
      teacher.socket.send(
        JSON.stringify(type === "set_speed" ? { type, cid: `a${i}`, speed: 1 } : { type, cid: `a${i}` }),
      );
      await result(teacher, `a${i}`);
    }
    teacher.close();
    watcher = await mustConnect(PORT, ROOM, await token("player", "t-good"));
    runner = new BotRunner({ PARTYKIT_URL: `http://127.0.0.1:${PORT}`, ROOM_TOKEN_SECRET: SECRET });
  }, 60_000);
  afterAll(async () => {
    runner?.stopAll();
    watcher?.close();
    await server.stop();
    removePersistDir(server.persistDir);
  });

  it("a deployed bot trades as its team through the room; bots that loop or flood are stopped with the reason while it keeps trading", async () => {
    const good = await runner.deploy({
      gameId: GAME,
      teamId: "t-good",
      teamName: "Good",
      version: 1,
      code: GOOD,
    });
    expect(good.state).toBe("running");
    const first = await watcher.nextOf("order_resting", 10_000);
    expect(first).toMatchObject({ order: { instrument: X, source: "bot", price: 101 } });

    const loop = await runner.deploy({
      gameId: GAME,
      teamId: "t-loop",
      teamName: "Loop",
      version: 1,
      code: LOOPS,
    });
    const flood = await runner.deploy({
      gameId: GAME,
      teamId: "t-flood",
      teamName: "Flood",
      version: 1,
      code: FLOODS,
    });
    await until(() => loop.state === "stopped" && flood.state === "stopped");
    expect(loop).toMatchObject({ reason: "cpu_budget" });
    expect(flood).toMatchObject({ reason: "action_budget" });

    // The good bot keeps going: its next orders arrive after the others were stopped.
    const second = await watcher.nextOf("order_resting", 10_000);
    expect(second).toMatchObject({ order: { source: "bot", price: 102 } });
    expect(runner.status("t-good")).toMatchObject({
      state: "running",
      logs: expect.arrayContaining([expect.objectContaining({ line: "hello from the bot" })]),
    });

    runner.stop("t-good");
    expect(runner.status("t-good")).toMatchObject({ state: "stopped", reason: "stopped_by_team" });
  }, 60_000);

  it("a bot that does not load is reported, not run", async () => {
    const broken = await runner.deploy({
      gameId: GAME,
      teamId: "t-loop",
      teamName: "Loop",
      version: 2,
      code: "export function onStart( {",
    });
    expect(broken).toMatchObject({ state: "stopped", reason: "load_failed" });
    expect(broken.message).toMatch(/^Your bot did not load/);
  });
});
