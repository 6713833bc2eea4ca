import { describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import { testDbKinds } from "../testing/test-databases";
import { withTestApp } from "../testing/with-test-app";
import { ingestRecords } from "./game-records";

const X = "SPX_4400_CALL_2024-02-15";
const CLOSE = Date.UTC(2024, 1, 13, 15); // session 1's close, game-epoch ms
const mark = (seq: number, at: number): GameRecord => ({
  kind: "mark",
  seq,
  at,
  instrument: X,
  markTicks: 2_500,
});
const fill = (seq: number, at: number): GameRecord => ({
  kind: "fill",
  seq,
  at,
  tradeId: `t${seq}`,
  teamId: "team-a",
  orderId: `o${seq}`,
  instrument: X,
  side: "buy",
  price: 2_500,
  quantity: 1,
  feeCents: -2,
  liquidity: "taker",
  source: "manual",
});
const final = (seq: number, at: number): GameRecord => ({
  kind: "score",
  seq,
  at,
  teamId: "team-a",
  scope: "final",
  session: 1,
  pnlCents: 0,
  scoreBp: 5_000,
});

describe.each(testDbKinds())("the lobby's game history on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("says how far each game got from its records: fills, last game time, ended; a reset keeps the old records", async () => {
    const teacher = await ctx.app.signUp({ name: "Hi", email: "hi@school.test", role: "instructor" });
    const create = (name: string) => teacher.caller.game.create({ name, preset: "compact", seed: 42 });
    const [ended, resetAfterEnd, fresh] = [
      await create("Ended"),
      await create("Reset"),
      await create("Fresh"),
    ];
    await ingestRecords(ctx.handle.db, {
      gameId: ended.id,
      records: [mark(1, CLOSE - 600_000), fill(2, CLOSE - 300_000), mark(3, CLOSE), final(4, CLOSE)],
    });
    // Ended, then reset: the new run's marks start again at the first tick of session 1.
    await ingestRecords(ctx.handle.db, {
      gameId: resetAfterEnd.id,
      records: [
        mark(1, CLOSE - 600_000),
        final(2, CLOSE),
        mark(3, CLOSE - 19_500_000),
        fill(4, CLOSE - 19_400_000),
      ],
    });

    const games = await teacher.caller.game.mine();
    const byName = new Map(games.map((g) => [g.name, g]));
    expect(byName.get("Ended")).toMatchObject({
      seed: 42,
      preset: "compact",
      history: { fills: 1, lastPlayedAt: CLOSE, ended: true },
    });
    expect(byName.get("Reset")?.history).toEqual({
      fills: 1,
      lastPlayedAt: CLOSE - 19_500_000,
      ended: false,
      runs: [],
    });
    expect(byName.get("Fresh")?.history).toEqual({ fills: 0, lastPlayedAt: null, ended: false, runs: [] });
    expect(fresh.id).toBe(byName.get("Fresh")?.id);
  });

  it("a reset and a rematch keep the old runs, each with its seed; the game shows the current seed; the debrief picks a run", async () => {
    const teacher = await ctx.app.signUp({ name: "Ru", email: "ru@school.test", role: "instructor" });
    const g = await teacher.caller.game.create({ name: "Runs", preset: "compact", seed: 42 });
    const run = (
      seq: number,
      n: number,
      seed: number,
      origin: "start" | "reset" | "rematch",
    ): GameRecord => ({
      kind: "run",
      seq,
      at: CLOSE - 19_800_000,
      run: n,
      seed,
      origin,
    });
    const batch = {
      gameId: g.id,
      records: [
        run(1, 1, 42, "start"),
        fill(2, CLOSE - 600_000),
        mark(3, CLOSE),
        run(4, 2, 42, "reset"),
        mark(5, CLOSE - 19_000_000),
        run(6, 3, 777, "rematch"),
        fill(7, CLOSE - 18_000_000),
        mark(8, CLOSE - 17_000_000),
      ],
    };
    expect((await ingestRecords(ctx.handle.db, batch)).inserted).toBe(8);
    // The same batch again stores nothing twice (and the seed stays the latest run's).
    expect((await ingestRecords(ctx.handle.db, batch)).inserted).toBe(0);

    const mine = (await teacher.caller.game.mine()).find((x) => x.id === g.id);
    expect(mine?.seed).toBe(777);
    expect(mine?.history.runs).toEqual([
      { run: 1, seed: 42, origin: "start" },
      { run: 2, seed: 42, origin: "reset" },
      { run: 3, seed: 777, origin: "rematch" },
    ]);
    const latest = await teacher.caller.debrief.byGame({ gameId: g.id });
    expect(latest.run).toBe(3);
    expect(latest.game.seed).toBe(777);
    expect(latest.runs.map((r) => [r.run, r.seed, r.origin, r.fromSeq, r.to])).toEqual([
      [1, 42, "start", 1, CLOSE],
      [2, 42, "reset", 4, CLOSE - 19_000_000],
      [3, 777, "rematch", 6, CLOSE - 17_000_000],
    ]);
    const first = await teacher.caller.debrief.byGame({ gameId: g.id, run: 1 });
    expect(first.game.seed).toBe(42);
  });
});
