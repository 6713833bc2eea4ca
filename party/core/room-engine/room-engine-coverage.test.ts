import { describe, expect, it } from "vitest";
import { OPEN_MS, sessionDay } from "../game-clock";
import { ACTORS, recordingEngine } from "./room-engine-test-kit";

describe("RoomEngine: quote coverage records", () => {
  it("records each market maker's coverage of every 5-minute window, at the window's end in game time", () => {
    const { records, send, toContinuous } = recordingEngine({ seed: 5, noRetail: true });
    toContinuous();
    // One option quoted all session long: a small, steady share of the required options.
    send(ACTORS.mm, {
      type: "quote",
      cid: "q",
      instrument: "SPX_4400_CALL_2024-02-15",
      bid: { price: 5_500, quantity: 10 },
      ask: { price: 5_700, quantity: 10 },
    });
    send(ACTORS.instructor, { type: "advance_phase", cid: "close" }); // the rest of the session is simulated
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
