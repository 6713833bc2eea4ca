import { describe, expect, it } from "vitest";
import { type RoomCommand, RoomEngine } from "./room-engine";
import { canonicalJson, stateHash } from "./state-hash";

const setup = (version: number) => ({
  version,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 1,
  teams: [],
});

describe("RoomEngine", () => {
  it("answers a ping to its connection only and counts it", () => {
    const engine = new RoomEngine();
    const effects = engine.handle({ type: "ping", at: 5, cid: "c", connection: "conn-1" });
    expect(effects).toMatchObject({
      applied: true,
      sends: [
        {
          to: { kind: "connection", id: "conn-1" },
          msgs: [{ type: "pong", cid: "c", serverTime: 5, pings: 1 }],
        },
      ],
    });
    expect(engine.seq).toBe(1);
  });

  it("keeps the newest setup and does not count an older one", () => {
    const engine = new RoomEngine();
    engine.handle({ type: "setup", at: 1, setup: setup(3) });
    expect(engine.handle({ type: "setup", at: 2, setup: setup(2) }).applied).toBe(false);
    expect(engine.setup?.version).toBe(3);
    expect(engine.seq).toBe(1);
  });

  it("rebuilds the same state hash from a snapshot plus the journal tail", () => {
    const journal: RoomCommand[] = [
      { type: "setup", at: 1, setup: setup(1) },
      { type: "ping", at: 2, cid: "a", connection: "x" },
      { type: "ping", at: 3, cid: "b", connection: "y" },
      { type: "setup", at: 4, setup: setup(2) },
      { type: "ping", at: 5, cid: "c", connection: "x" },
    ];
    const live = new RoomEngine();
    for (const c of journal) live.handle(c);

    const early = new RoomEngine();
    for (const c of journal.slice(0, 2)) early.handle(c);
    const restored = new RoomEngine(early.snapshot());
    for (const c of journal.slice(2)) restored.handle(c);
    expect(restored.hash()).toBe(live.hash());

    const replayed = new RoomEngine();
    for (const c of journal) replayed.handle(c);
    expect(replayed.hash()).toBe(live.hash());
  });

  it("hashes canonically: key order does not matter, values do", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(stateHash({ a: 1, b: 2 })).toBe(stateHash({ b: 2, a: 1 }));
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: 2 }));
  });
});
