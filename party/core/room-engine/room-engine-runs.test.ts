import { describe, expect, it } from "vitest";
import type { GameRecord } from "../protocol";
import type { Actor } from "./actor";
import type { ClientCommand } from "./room-engine";
import { RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 42,
  teams: [{ id: "team-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: null }],
};
const instructor: Actor = { role: "instructor", teamId: null, source: "manual" };

describe("RoomEngine: runs", () => {
  it("records each run once: at the first start, at a reset (same seed), at a rematch (new seed)", () => {
    const engine = new RoomEngine();
    const records: GameRecord[] = [];
    let at = 1_000;
    const later = () => {
      at += 10;
      return at;
    };
    const admin = (message: ClientCommand) =>
      records.push(
        ...(engine.handle({ type: "client", at: later(), connection: "i", actor: instructor, message })
          .records ?? []),
      );
    engine.handle({ type: "setup", at, setup });
    admin({ type: "start_game", cid: "s1" });
    admin({ type: "advance_phase", cid: "a" });
    admin({ type: "pause", cid: "p" });
    admin({ type: "resume", cid: "r" });
    admin({ type: "reset_game", cid: "reset" });
    admin({ type: "advance_phase", cid: "s2" });
    expect(records.filter((r) => r.kind === "run")).toHaveLength(2);
    admin({ type: "rematch", cid: "rematch", seed: 777 });
    // The rematch's run is on record at once (the game page shows its seed before the start).
    expect(records.filter((r) => r.kind === "run")).toHaveLength(3);
    admin({ type: "start_game", cid: "s3" });
    const runs = records.filter((r) => r.kind === "run");
    expect(runs.map((r) => (r.kind === "run" ? [r.run, r.seed, r.origin] : null))).toEqual([
      [1, 42, "start"],
      [2, 42, "reset"],
      [3, 777, "rematch"],
    ]);
    // Seq order: every record after a run's record and before the next belongs to that run.
    const seqs = runs.map((r) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });
});
