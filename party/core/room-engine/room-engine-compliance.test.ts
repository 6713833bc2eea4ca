import { describe, expect, it } from "vitest";
import { OPEN_MS, sessionDay } from "../game-clock";
import { ACTORS, recordingEngine } from "./room-engine-test-kit";

const CALL = "SPX_4400_CALL_2024-02-15";

describe("RoomEngine: compliance records", () => {
  it("records every team's compliance message at each 5-minute tick, with the tick's coverage, delta and notional", () => {
    const { engine, records, send, toContinuous } = recordingEngine({ seed: 5, noRetail: true });
    toContinuous();
    send(ACTORS.mm, {
      type: "quote",
      cid: "q",
      instrument: CALL,
      bid: { price: 5_500, quantity: 10 },
      ask: { price: 5_700, quantity: 10 },
    });
    // The fund lifts the maker's offer: long 10 calls, a delta of about +5 SPX-equivalent contracts.
    send(ACTORS.hf, {
      type: "place_order",
      cid: "buy",
      instrument: CALL,
      side: "buy",
      orderType: "limit",
      price: 5_700,
      quantity: 10,
      tif: "ioc",
    });
    send(ACTORS.instructor, { type: "advance_phase", cid: "close" }); // the session's ticks are simulated
    const compliance = records.flatMap((r) => (r.kind === "compliance" ? [r] : []));
    const byTeam = (teamId: string) => compliance.filter((c) => c.teamId === teamId);
    const mm = byTeam("team-mm");
    const hf = byTeam("team-hf");
    expect(mm.length).toBeGreaterThanOrEqual(60); // 66 ticks in a session
    expect(hf.length).toBe(mm.length); // every team at every tick
    const open = sessionDay(1) + OPEN_MS;
    for (const c of compliance) expect((c.at - open) % 300_000).toBe(0);
    expect(new Set(mm.map((c) => c.at)).size).toBe(mm.length);

    // The market maker's records carry its coverage check and the window's coverage, as the coverage records do.
    const coverage = records.flatMap((r) => (r.kind === "coverage" ? [r] : []));
    expect(mm.map((c) => [c.at, c.coverageBp])).toEqual(coverage.map((c) => [c.at, c.coverageBp]));
    expect(mm[0]?.checks.map((k) => k.code)).toEqual(["MM_QUOTE_COVERAGE"]);
    expect(mm[0]?.role).toBe("market_maker");

    // The fund's: its delta check, the rounded delta, SPX notional only, and its KPIs behind the score.
    const first = hf[0];
    expect(first?.checks[0]).toMatchObject({ code: "HF_DELTA", ok: true, value: `Δ = ${first?.delta}` });
    expect(first?.delta).toBeGreaterThanOrEqual(3);
    expect(first?.delta).toBeLessThanOrEqual(8);
    expect(first?.spxNotionalCents).toBeGreaterThan(0);
    expect(first?.spyNotionalCents).toBe(0);
    expect(first?.coverageBp).toBeNull();
    expect(first?.kpis.length).toBeGreaterThan(0);

    // The last record says what the team's live compliance message says now.
    const last = hf.at(-1);
    const status = engine.handle({ type: "clock", at: 10_000_000 }); // a refresh: the live messages
    const live = status.sends
      .filter((s) => s.to.kind === "team" && s.to.teamId === "team-hf")
      .flatMap((s) => s.msgs)
      .find((m) => m.type === "compliance");
    if (live?.type !== "compliance") throw new Error("no live compliance message");
    expect(last?.penaltyBp).toBe(live.penaltyBp);
    expect(last?.checks).toEqual(live.checks);
  });
});
