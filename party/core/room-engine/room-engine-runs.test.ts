import { describe, expect, it } from "vitest";
import { ACTORS, recordingEngine } from "./room-engine-test-kit";

describe("RoomEngine: runs", () => {
  it("records each run once: at the first start, at a reset (same seed), at a rematch (new seed)", () => {
    const { records, send } = recordingEngine({ seed: 42 });
    const admin = (message: Parameters<typeof send>[1]) => send(ACTORS.instructor, message);
    const runs = () => records.flatMap((r) => (r.kind === "run" ? [r] : []));
    admin({ type: "start_game", cid: "s1" });
    admin({ type: "advance_phase", cid: "a" });
    admin({ type: "pause", cid: "p" });
    admin({ type: "resume", cid: "r" });
    admin({ type: "reset_game", cid: "reset" });
    admin({ type: "advance_phase", cid: "s2" });
    expect(runs()).toHaveLength(2);
    admin({ type: "rematch", cid: "rematch", seed: 777 });
    // The rematch's run is on record at once (the game page shows its seed before the start).
    expect(runs()).toHaveLength(3);
    admin({ type: "start_game", cid: "s3" });
    expect(runs().map((r) => [r.run, r.seed, r.origin])).toEqual([
      [1, 42, "start"],
      [2, 42, "reset"],
      [3, 777, "rematch"],
    ]);
    // Seq order: every record after a run's record and before the next belongs to that run.
    const seqs = runs().map((r) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });
});
