import { describe, expect, it } from "vitest";
import { DEFAULT_GAME_CONFIG, type GameRecord } from "@/party/core/protocol";
import { type Actor, type ClientCommand, type RoomCommand, RoomEngine } from "@/party/core/room-engine";
import { computeDebrief } from "./debrief-compute";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 11,
  teams: [
    { id: "team-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: null },
    { id: "team-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null },
  ],
};
const X = "SPX_4310_CALL_2024-02-15";
const instructor: Actor = { role: "instructor", teamId: null, source: "manual" };
const mm: Actor = { role: "player", teamId: "team-mm", source: "manual" };
const hf: Actor = { role: "player", teamId: "team-hf", source: "manual" };

describe("the debrief and the room agree", () => {
  it("a session's P&L from the shipped fills and marks equals the score record the room wrote at its close", () => {
    const engine = new RoomEngine();
    const records: GameRecord[] = [];
    let at = 1_000;
    const later = () => {
      at += 10;
      return at;
    };
    const run = (command: RoomCommand) => records.push(...(engine.handle(command).records ?? []));
    const client = (actor: Actor, message: ClientCommand) =>
      run({ type: "client", at: later(), connection: actor.teamId ?? "i", actor, message });
    run({ type: "setup", at, setup });
    // No retail: the stale quote stays in the book until the close, so the last mark before the close is its mid.
    client(instructor, {
      type: "configure_game",
      cid: "c",
      config: { ...DEFAULT_GAME_CONFIG, retailOrdersPerTick: 0 },
    });
    client(instructor, { type: "start_game", cid: "s" });
    client(instructor, { type: "advance_phase", cid: "a1" });
    client(instructor, { type: "advance_phase", cid: "a2" });
    client(mm, {
      type: "quote",
      cid: "q",
      instrument: X,
      bid: { price: 2540, quantity: 20 },
      ask: { price: 2560, quantity: 20 },
    });
    client(hf, {
      type: "place_order",
      cid: "b",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2560,
      quantity: 5,
      tif: "gtc",
    });
    client(instructor, { type: "advance_phase", cid: "close" }); // the rest of the session is simulated
    expect(engine.exchange?.phase).toBe("closed");

    const scores = records.filter((r) => r.kind === "score" && r.scope === "session");
    expect(scores).toHaveLength(2);
    for (const team of setup.teams) {
      const fills = records.flatMap((r) => (r.kind === "fill" && r.teamId === team.id ? [r] : []));
      const marks = records.flatMap((r) => (r.kind === "mark" ? [r] : []));
      const debrief = computeDebrief(fills, marks, team.role);
      const score = scores.find((r) => r.kind === "score" && r.teamId === team.id);
      expect(score?.kind === "score" ? score.pnlCents : null).toBe(debrief.pnlCents);
    }
  });
});
