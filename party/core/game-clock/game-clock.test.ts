import { describe, expect, it } from "vitest";
import { GameClock } from "./game-clock";
import {
  CLOSE_MS,
  OPEN_MS,
  PRE_OPEN_MS,
  SESSION_SECONDS,
  secondsToExpiry,
  sessionDate,
  sessionDay,
} from "./session-calendar";

describe("session calendar", () => {
  it("puts sessions on Tuesdays and Thursdays from the programme start", () => {
    expect([1, 2, 3, 4].map((n) => sessionDate(n))).toEqual([
      "2024-02-13",
      "2024-02-15",
      "2024-02-20",
      "2024-02-22",
    ]);
    expect(SESSION_SECONDS).toBe(19_800);
  });

  it("counts time to expiry in session seconds: today's rest plus whole sessions to the expiry date", () => {
    expect(secondsToExpiry("2024-02-15", 1, sessionDay(1) + PRE_OPEN_MS)).toBe(2 * SESSION_SECONDS);
    expect(secondsToExpiry("2024-02-15", 1, sessionDay(1) + OPEN_MS + 3_600_000)).toBe(
      2 * SESSION_SECONDS - 3_600,
    );
    expect(secondsToExpiry("2024-02-15", 2, sessionDay(2) + CLOSE_MS)).toBe(0);
    expect(secondsToExpiry("2024-02-22", 2, sessionDay(2) + CLOSE_MS)).toBe(2 * SESSION_SECONDS);
  });
});

describe("GameClock", () => {
  it("runs a session at speed: pre-open, auction at 09:29:30, continuous at 09:30, stops at the close", () => {
    const clock = new GameClock();
    expect(clock.phase).toBe("closed");
    expect(clock.start(0)).toEqual([{ kind: "phase", phase: "pre_open" }]);
    // 29.5 game minutes at 12× = 147.5 real seconds.
    expect(clock.advance(147_000)).toEqual([]);
    expect(clock.advance(147_500)).toEqual([{ kind: "phase", phase: "opening_auction" }]);
    expect(clock.advance(150_000)).toEqual([{ kind: "phase", phase: "continuous" }]);
    // One real second = 12 game seconds of simulation.
    expect(clock.advance(151_000)).toEqual([{ kind: "seconds", count: 12 }]);
    expect(clock.advance(151_040)).toEqual([]); // 0.48 game s: not a whole second yet
    expect(clock.advance(151_100)).toEqual([{ kind: "seconds", count: 1 }]);
    // Far past the close: the rest of the session's seconds, then closed; the clock stops there.
    expect(clock.advance(10_000_000)).toEqual([
      { kind: "seconds", count: SESSION_SECONDS - 13 },
      { kind: "phase", phase: "closed" },
    ]);
    expect(clock.state.gameMs).toBe(sessionDay(1) + CLOSE_MS);
    expect(clock.advance(20_000_000)).toEqual([]);
    // The next session starts on Thursday.
    expect(clock.start(20_000_000)).toEqual([{ kind: "phase", phase: "pre_open" }]);
    expect(clock.state).toMatchObject({ session: 2, gameMs: sessionDay(2) + PRE_OPEN_MS });
  });

  it("has no drift: many small steps give the same game time as one big one", () => {
    const a = new GameClock();
    const b = new GameClock();
    a.start(0);
    b.start(0);
    let seconds = 0;
    for (let t = 0; t <= 400_000; t += 37) {
      for (const e of a.advance(t)) if (e.kind === "seconds") seconds += e.count;
    }
    const big = b.advance(400_000 - (400_000 % 37));
    expect(a.state.gameMs).toBe(b.state.gameMs);
    expect(seconds).toBe(
      big.filter((e) => e.kind === "seconds").reduce((n, e) => n + (e.kind === "seconds" ? e.count : 0), 0),
    );
  });

  it("pause stops game time; resume continues from where it was; speed changes apply from now", () => {
    const clock = new GameClock();
    clock.start(0);
    clock.advancePhase(0);
    clock.advancePhase(0);
    expect(clock.phase).toBe("continuous");
    expect(clock.state.gameMs).toBe(sessionDay(1) + OPEN_MS);
    clock.pause(1_000);
    const paused = clock.state.gameMs;
    expect(clock.advance(60_000)).toEqual([]);
    expect(clock.state.gameMs).toBe(paused);
    clock.resume(60_000);
    clock.setSpeed(1, 61_000);
    expect(clock.advance(62_000)).toEqual([{ kind: "seconds", count: 1 }]);
    expect(clock.state.gameMs).toBe(paused + 12_000 + 1_000);
  });

  it("advance phase from continuous simulates the skipped time and closes; end stops for good", () => {
    const clock = new GameClock();
    clock.start(0);
    clock.advancePhase(0);
    clock.advancePhase(0);
    expect(clock.advancePhase(0)).toEqual([
      { kind: "seconds", count: SESSION_SECONDS },
      { kind: "phase", phase: "closed" },
    ]);
    clock.start(1);
    expect(clock.end(2)).toEqual([{ kind: "phase", phase: "closed" }]);
    expect(clock.start(3)).toEqual([]);
  });

  it("restores from its JSON state", () => {
    const clock = new GameClock();
    clock.start(0);
    clock.advance(200_000);
    const copy = new GameClock(JSON.parse(JSON.stringify(clock.state)));
    expect(copy.advance(300_000)).toEqual(clock.advance(300_000));
    expect(copy.state).toEqual(clock.state);
  });
});
