import { describe, expect, it } from "vitest";
import { OPEN_MS, sessionDay } from "../game-clock";
import { DEFAULT_GAME_CONFIG, type GameRecord } from "../protocol";
import type { Actor } from "./actor";
import type { ClientCommand } from "./room-engine";
import { RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 5,
  teams: [
    { id: "team-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: null },
    { id: "team-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null },
  ],
};
const instructor: Actor = { role: "instructor", teamId: null, source: "manual" };
const mm: Actor = { role: "player", teamId: "team-mm", source: "manual" };

describe("RoomEngine: quote coverage records", () => {
  it("records each market maker's coverage of every 5-minute window, at the window's end in game time", () => {
    const engine = new RoomEngine();
    const records: GameRecord[] = [];
    let at = 1_000;
    const later = () => {
      at += 10;
      return at;
    };
    const send = (actor: Actor, message: ClientCommand) =>
      records.push(
        ...(engine.handle({ type: "client", at: later(), connection: "c", actor, message }).records ?? []),
      );
    engine.handle({ type: "setup", at, setup });
    send(instructor, {
      type: "configure_game",
      cid: "c",
      config: { ...DEFAULT_GAME_CONFIG, retailOrdersPerTick: 0 },
    });
    send(instructor, { type: "start_game", cid: "s" });
    send(instructor, { type: "advance_phase", cid: "a1" });
    send(instructor, { type: "advance_phase", cid: "a2" });
    // One option quoted all session long: a small, steady share of the required options.
    send(mm, {
      type: "quote",
      cid: "q",
      instrument: "SPX_4400_CALL_2024-02-15",
      bid: { price: 5_500, quantity: 10 },
      ask: { price: 5_700, quantity: 10 },
    });
    send(instructor, { type: "advance_phase", cid: "close" }); // the rest of the session is simulated
    const coverage = records.flatMap((r) => (r.kind === "coverage" ? [r] : []));
    expect(coverage.length).toBeGreaterThanOrEqual(60); // 66 windows in a session, the first closes at 09:35
    expect(new Set(coverage.map((c) => c.teamId))).toEqual(new Set(["team-mm"])); // market makers only
    const open = sessionDay(1) + OPEN_MS;
    for (const c of coverage) {
      expect((c.at - open) % 300_000).toBe(0);
      expect(c.at).toBeGreaterThan(open);
      expect(c.at).toBeLessThanOrEqual(open + 330 * 60_000);
    }
    expect(new Set(coverage.map((c) => c.at)).size).toBe(coverage.length);
    const first = coverage[0]?.coverageBp ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1_000); // 1 of ~60 options
    // The same one quote all session: one option of the required ones (fewer are required as some go under 5 ticks).
    for (const c of coverage) expect(Math.abs(c.coverageBp - first)).toBeLessThan(50);
  });
});
