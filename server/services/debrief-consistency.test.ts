import { describe, expect, it } from "vitest";
import { ACTORS, recordingEngine, TEST_SETUP } from "@/party/core/room-engine/room-engine-test-kit";
import { computeDebrief } from "./debrief-compute";

const X = "SPX_4310_CALL_2024-02-15";

describe("the debrief and the room agree", () => {
  it("a session's P&L from the shipped fills and marks equals the score record the room wrote at its close", () => {
    // No retail: the stale quote stays in the book until the close, so the last mark before the close is its mid.
    const { engine, records, send, toContinuous } = recordingEngine({ seed: 11, noRetail: true });
    toContinuous();
    send(ACTORS.mm, {
      type: "quote",
      cid: "q",
      instrument: X,
      bid: { price: 2540, quantity: 20 },
      ask: { price: 2560, quantity: 20 },
    });
    send(ACTORS.hf, {
      type: "place_order",
      cid: "b",
      instrument: X,
      side: "buy",
      orderType: "limit",
      price: 2560,
      quantity: 5,
      tif: "gtc",
    });
    send(ACTORS.instructor, { type: "advance_phase", cid: "close" }); // the rest of the session is simulated
    expect(engine.exchange?.phase).toBe("closed");

    const scores = records.filter((r) => r.kind === "score" && r.scope === "session");
    expect(scores).toHaveLength(2);
    for (const team of TEST_SETUP.teams) {
      const fills = records.flatMap((r) => (r.kind === "fill" && r.teamId === team.id ? [r] : []));
      const marks = records.flatMap((r) => (r.kind === "mark" ? [r] : []));
      const debrief = computeDebrief(fills, marks, team.role);
      const score = scores.find((r) => r.kind === "score" && r.teamId === team.id);
      expect(score?.kind === "score" ? score.pnlCents : null).toBe(debrief.pnlCents);
    }
  });
});
