import { describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
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
      { run: 1, fromSeq: 1, toSeq: 3, from: at(9, 35), to: at(11, 0), seed: null, origin: null },
      { run: 2, fromSeq: 4, toSeq: 6, from: at(9, 35), to: at(9, 45), seed: null, origin: null },
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
});
