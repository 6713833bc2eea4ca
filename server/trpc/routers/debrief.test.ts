import { describe, expect, it } from "vitest";
import { DEFAULT_GAME_CONFIG, type GameRecord } from "@/party/core/protocol";
import { ingestRecords } from "../../services/game-records";
import { testDbKinds } from "../../testing/test-databases";
import { withTestApp } from "../../testing/with-test-app";

const X = "SPX_4400_CALL_2024-02-15";

describe.each(testDbKinds())("debrief router on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("computes each team's debrief from the shipped records; players see only their own team", async () => {
    const teacher = await ctx.app.signUp({ name: "De", email: "de@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Debriefed", preset: "compact" });
    const alice = await ctx.app.signUp({ name: "Al", email: "al@school.test", role: "player" });
    const bob = await ctx.app.signUp({ name: "Bo", email: "bo@school.test", role: "player" });
    const outsider = await ctx.app.signUp({ name: "Ou", email: "ou@school.test", role: "player" });
    const a = await alice.caller.game.join({ joinCode: created.joinCode, teamName: "Alpha" });
    const b = await bob.caller.game.join({ joinCode: created.joinCode, teamName: "Beta" });
    const fill = (
      seq: number,
      teamId: string,
      side: "buy" | "sell",
      source: "manual" | "bot",
    ): GameRecord => ({
      kind: "fill",
      seq,
      at: seq * 1_000,
      tradeId: "t1",
      teamId,
      orderId: `o${seq}`,
      instrument: X,
      side,
      price: 2_500,
      quantity: 4,
      feeCents: side === "buy" ? -8 : 8,
      liquidity: side === "buy" ? "taker" : "maker",
      source,
    });
    await ingestRecords(ctx.handle.db, {
      gameId: created.id,
      records: [
        { kind: "mark", seq: 1, at: 1_000, instrument: X, markTicks: 2_480 },
        fill(2, a.teamId, "buy", "bot"),
        fill(3, b.teamId, "sell", "manual"),
        { kind: "mark", seq: 4, at: 300_000, instrument: X, markTicks: 2_600 },
        {
          kind: "score",
          seq: 5,
          at: 300_000,
          teamId: a.teamId,
          scope: "session",
          session: 1,
          pnlCents: 39_992,
          scoreBp: 8_571,
        },
      ],
    });

    const all = await teacher.caller.debrief.byGame({ gameId: created.id });
    expect(all.teams.map((t) => t.name).sort()).toEqual(["Alpha", "Beta"]);
    const alpha = all.teams.find((t) => t.name === "Alpha");
    // Bought 4 at 25.00, marked 26.00 at the end: +40,000 cents, less 8 in fees.
    expect(alpha).toMatchObject({ pnlCents: 40_000 - 8, bySource: { bot: { fills: 1, contracts: 4 } } });
    expect(alpha?.attribution).toEqual({
      spreadCents: -8_000,
      inventoryCents: 48_000,
      feesCents: -8,
      settlementCents: 0,
    });
    expect(alpha?.scores).toEqual([{ scope: "session", session: 1, pnlCents: 39_992, scoreBp: 8_571 }]);

    const own = await bob.caller.debrief.byGame({ gameId: created.id });
    expect(own.teams.map((t) => t.name)).toEqual(["Beta"]);
    expect(own.teams[0]?.pnlCents).toBe(-40_000 + 8);
    await expect(outsider.caller.debrief.byGame({ gameId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
  it("splits a reset or rematch into runs: each run's P&L starts flat; the latest run is the default", async () => {
    const teacher = await ctx.app.signUp({ name: "Ru", email: "ru@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Runs", preset: "compact" });
    const carol = await ctx.app.signUp({ name: "Ca", email: "ca@school.test", role: "player" });
    const c = await carol.caller.game.join({ joinCode: created.joinCode, teamName: "Gamma" });
    const at = (h: number, m: number) => Date.UTC(2024, 1, 13, h, m);
    const mark = (seq: number, t: number, markTicks: number): GameRecord => ({
      kind: "mark",
      seq,
      at: t,
      instrument: X,
      markTicks,
    });
    const buy = (seq: number, t: number, price: number): GameRecord => ({
      kind: "fill",
      seq,
      at: t,
      tradeId: `t${seq}`,
      teamId: c.teamId,
      orderId: `o${seq}`,
      instrument: X,
      side: "buy",
      price,
      quantity: 1,
      feeCents: 0,
      liquidity: "taker",
      source: "manual",
    });
    await ingestRecords(ctx.handle.db, {
      gameId: created.id,
      records: [
        mark(1, at(9, 35), 2_500),
        buy(2, at(10, 0), 2_500),
        mark(3, at(11, 0), 2_700), // run 1: +200 ticks on 1 contract
        mark(4, at(9, 35), 3_000), // reset: game time starts again
        buy(5, at(9, 40), 3_000),
        mark(6, at(9, 45), 2_900), // run 2: −100 ticks
      ],
    });
    const latest = await carol.caller.debrief.byGame({ gameId: created.id });
    expect(latest.runs).toEqual([
      {
        run: 1,
        fromSeq: 1,
        toSeq: 3,
        from: at(9, 35),
        to: at(11, 0),
        seed: null,
        origin: null,
        preset: null,
        config: null,
      },
      {
        run: 2,
        fromSeq: 4,
        toSeq: 6,
        from: at(9, 35),
        to: at(9, 45),
        seed: null,
        origin: null,
        preset: null,
        config: null,
      },
    ]);
    expect(latest.run).toBe(2);
    expect(latest.teams[0]).toMatchObject({ pnlCents: -10_000, bySource: { manual: { fills: 1 } } });
    const first = await carol.caller.debrief.byGame({ gameId: created.id, run: 1 });
    expect(first.run).toBe(1);
    expect(first.teams[0]).toMatchObject({ pnlCents: 20_000, positions: [{ instrument: X, position: 1 }] });
    await expect(carol.caller.debrief.byGame({ gameId: created.id, run: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    // Before anyone joins, the instructor sees an empty debrief rather than an error.
    const empty = await teacher.caller.game.create({ name: "Empty", preset: "compact" });
    expect(await teacher.caller.debrief.byGame({ gameId: empty.id })).toMatchObject({
      runs: [],
      run: null,
      teams: [],
    });
  });

  it("a reset then a rematch: three runs with their own seeds; each run keeps its fills and compliance history per tick", async () => {
    const teacher = await ctx.app.signUp({ name: "Co", email: "co@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Compliance", preset: "compact", seed: 42 });
    const dora = await ctx.app.signUp({ name: "Do", email: "do@school.test", role: "player" });
    const { teamId } = await dora.caller.game.join({ joinCode: created.joinCode, teamName: "Fund" });
    await teacher.caller.team.assignRole({ teamId, role: "hedge_fund" });
    const at = (h: number, m: number) => Date.UTC(2024, 1, 13, h, m);
    const run = (
      seq: number,
      n: number,
      seed: number,
      origin: "start" | "reset" | "rematch",
    ): GameRecord => ({
      kind: "run",
      seq,
      at: at(9, 0),
      run: n,
      seed,
      origin,
      preset: "compact",
      config: DEFAULT_GAME_CONFIG,
    });
    const buy = (seq: number, time: number): GameRecord => ({
      kind: "fill",
      seq,
      at: time,
      tradeId: `t${seq}`,
      teamId,
      orderId: `o${seq}`,
      instrument: X,
      side: "buy",
      price: 2_500,
      quantity: 1,
      feeCents: -2,
      liquidity: "taker",
      source: "manual",
    });
    const tick = (seq: number, time: number, delta: number, penaltyBp: number): GameRecord => ({
      kind: "compliance",
      seq,
      at: time,
      teamId,
      role: "hedge_fund",
      penaltyBp,
      scoreBp: 5_000,
      checks: [
        {
          code: "HF_DELTA",
          label: "Portfolio delta",
          ok: Math.abs(delta) <= 50,
          value: `Δ = ${delta}`,
          threshold: "±50",
          message: Math.abs(delta) <= 50 ? "Within ±50." : "Outside ±50.",
        },
      ],
      kpis: [],
      coverageBp: null,
      delta,
      spxNotionalCents: Math.abs(delta) * 100_000,
      spyNotionalCents: 0,
    });
    const mark = (seq: number, time: number): GameRecord => ({
      kind: "mark",
      seq,
      at: time,
      instrument: X,
      markTicks: 2_500,
    });
    await ingestRecords(ctx.handle.db, {
      gameId: created.id,
      records: [
        run(1, 1, 42, "start"),
        buy(2, at(9, 31)),
        mark(3, at(9, 35)),
        tick(4, at(9, 35), 12, 0),
        tick(5, at(9, 40), 63, 200), // a breach: outside ±50
        tick(6, at(9, 45), 40, 200),
        run(7, 2, 42, "reset"),
        mark(8, at(9, 35)),
        tick(9, at(9, 35), 0, 0),
        run(10, 3, 777, "rematch"),
        buy(11, at(9, 32)),
        mark(12, at(9, 35)),
        tick(13, at(9, 35), -70, 200),
      ],
    });
    const latest = await teacher.caller.debrief.byGame({ gameId: created.id });
    expect(latest.runs.map((r) => [r.run, r.seed, r.origin])).toEqual([
      [1, 42, "start"],
      [2, 42, "reset"],
      [3, 777, "rematch"],
    ]);
    expect(latest.game.seed).toBe(777);
    expect((await teacher.caller.game.mine()).find((g) => g.id === created.id)?.seed).toBe(777);
    const fund = (d: typeof latest) => d.teams.find((t) => t.name === "Fund");
    expect(fund(latest)?.compliance.map((p) => [p.at, p.delta, p.ok])).toEqual([[at(9, 35), -70, false]]);
    expect(fund(latest)?.breaches).toEqual([
      { at: at(9, 35), code: "HF_DELTA", value: "Δ = -70", message: "Outside ±50." },
    ]);

    // The first run's records are intact after the reset and the rematch: its fill, its three ticks, its breach.
    const first = await teacher.caller.debrief.byGame({ gameId: created.id, run: 1 });
    expect(first.game.seed).toBe(42);
    expect(fund(first)?.bySource).toMatchObject({ manual: { fills: 1 } });
    expect(fund(first)?.compliance).toEqual([
      {
        at: at(9, 35),
        ok: true,
        value: "Δ = 12",
        penaltyBp: 0,
        coverageBp: null,
        delta: 12,
        ratioBp: null,
        singleLeg: true,
      },
      {
        at: at(9, 40),
        ok: false,
        value: "Δ = 63",
        penaltyBp: 200,
        coverageBp: null,
        delta: 63,
        ratioBp: null,
        singleLeg: true,
      },
      {
        at: at(9, 45),
        ok: true,
        value: "Δ = 40",
        penaltyBp: 200,
        coverageBp: null,
        delta: 40,
        ratioBp: null,
        singleLeg: true,
      },
    ]);
    expect(fund(first)?.breaches.map((b) => [b.at, b.value])).toEqual([[at(9, 40), "Δ = 63"]]);
    const second = await teacher.caller.debrief.byGame({ gameId: created.id, run: 2 });
    expect(fund(second)?.compliance.map((p) => p.delta)).toEqual([0]);
    expect(fund(second)?.bySource).toEqual({});
  });
});
