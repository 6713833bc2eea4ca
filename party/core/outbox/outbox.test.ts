import { describe, expect, it } from "vitest";
import { Outbox } from "./outbox";

describe("Outbox", () => {
  it("numbers frames per session from 1", () => {
    const outbox = new Outbox<string>();
    expect(outbox.push("a", "x", 0).seq).toBe(1);
    expect(outbox.push("a", "y", 0).seq).toBe(2);
    expect(outbox.push("b", "z", 0).seq).toBe(1);
    expect(outbox.nextSeq("a")).toBe(3);
  });

  it("replays exactly the frames after the client's last seq", () => {
    const outbox = new Outbox<string>();
    for (const body of ["a", "b", "c", "d"]) outbox.push("s", body, 0);
    const outcome = outbox.resume("s", 2, 1);
    expect(outcome).toEqual({
      kind: "replay",
      frames: [
        { seq: 3, at: 0, body: "c" },
        { seq: 4, at: 0, body: "d" },
      ],
    });
    expect(outbox.resume("s", 4, 1)).toEqual({ kind: "replay", frames: [] });
  });

  it("asks for a snapshot when the gap left the window, the session is unknown or the client is ahead", () => {
    const outbox = new Outbox<number>({ windowFrames: 3, idleMs: 1_000 });
    for (let i = 0; i < 10; i++) outbox.push("s", i, 0);
    // The window holds seq 8, 9 and 10: a client at 7 can be replayed, one at 6 cannot.
    expect(outbox.resume("s", 7, 0)).toMatchObject({
      kind: "replay",
      frames: [{ seq: 8 }, { seq: 9 }, { seq: 10 }],
    });
    expect(outbox.resume("s", 6, 0)).toEqual({ kind: "snapshot", reason: "too_far_behind" });
    expect(outbox.resume("s", 11, 0)).toEqual({ kind: "snapshot", reason: "ahead_of_server" });
    expect(outbox.resume("nope", 0, 0)).toEqual({ kind: "snapshot", reason: "unknown_session" });
  });

  it("forgets idle sessions on sweep", () => {
    const outbox = new Outbox<number>({ windowFrames: 3, idleMs: 1_000 });
    outbox.push("old", 1, 0);
    outbox.push("new", 1, 1_500);
    expect(outbox.sweep(2_000)).toBe(1);
    expect(outbox.nextSeq("old")).toBe(1);
    expect(outbox.nextSeq("new")).toBe(2);
  });
});
