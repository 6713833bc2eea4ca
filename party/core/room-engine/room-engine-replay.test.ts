import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../protocol";
import type { Actor } from "./actor";
import { type RoomCommand, RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 77_001,
  teams: [{ id: "t", name: "T", role: "hedge_fund" as const, apiKeyHash: null }],
};
const teacher: Actor = { role: "instructor", teamId: null, source: "manual" };
const admin = (at: number, message: Extract<RoomCommand, { type: "client" }>["message"]): RoomCommand => ({
  type: "client",
  at,
  connection: "i",
  actor: teacher,
  message,
});

/** Runs a whole session at `speed` with the clock firing every `stepMs`, optionally pausing a while midway. */
function session(speed: number, stepMs: number, pauseAt: number | null) {
  const engine = new RoomEngine();
  engine.handle({ type: "setup", at: 0, setup });
  engine.handle(admin(0, { type: "set_speed", cid: "s", speed }));
  engine.handle(admin(0, { type: "start_game", cid: "g" }));
  const news: string[] = [];
  let at = 0;
  while (engine.clockRunning || engine.exchange?.phase === "paused") {
    at += stepMs;
    if (pauseAt !== null && at === pauseAt) {
      engine.handle(admin(at, { type: "pause", cid: "p" }));
      at += 60_000; // a minute of real time with the clock stopped
      engine.handle(admin(at, { type: "resume", cid: "r" }));
    }
    const effects = engine.handle({ type: "clock", at });
    for (const s of effects.sends)
      for (const m of s.msgs as ServerMessage[]) if (m.type === "news") news.push(m.headline);
  }
  return { underlying: engine.underlying(), news };
}

describe("the market path does not depend on speed, timer granularity or pauses", () => {
  it("ends the session at the same SPX/SPY with the same news, bit for bit", () => {
    const fast = session(240, 250, null);
    const slow = session(60, 100, 30_000);
    const uneven = session(120, 370, 12_210);
    expect(slow.underlying).toMatchObject({
      spxTicks: fast.underlying?.spxTicks,
      spyTicks: fast.underlying?.spyTicks,
    });
    expect(uneven.underlying).toMatchObject({
      spxTicks: fast.underlying?.spxTicks,
      spyTicks: fast.underlying?.spyTicks,
    });
    expect(slow.news).toEqual(fast.news);
    expect(uneven.news).toEqual(fast.news);
    expect(fast.news.length).toBeGreaterThan(0);
  });
});
