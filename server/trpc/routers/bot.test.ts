import { describe, expect, it } from "vitest";
import type { GameRecord } from "@/party/core/protocol";
import { ingestRecords } from "../../services/game-records";
import { testDbKinds } from "../../testing/test-databases";
import { withTestApp } from "../../testing/with-test-app";

describe.each(testDbKinds())("bot versions on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("numbers versions per team, keeps author, message and code, newest first", async () => {
    const teacher = await ctx.app.signUp({ name: "Pat", email: "pat@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Bots", preset: "compact" });
    const ann = await ctx.app.signUp({ name: "Ann", email: "ann@school.test", role: "player" });
    const ben = await ctx.app.signUp({ name: "Ben", email: "ben@school.test", role: "player" });
    const { teamId } = await ann.caller.game.join({ joinCode: created.joinCode, teamName: "Rho" });
    await ben.caller.game.join({ joinCode: created.joinCode, teamName: "Rho" });

    const v1 = await ann.caller.bot.save({ teamId, code: "export function onStart() {}", message: "first" });
    const v2 = await ben.caller.bot.save({
      teamId,
      code: "export function onBook() {}",
      message: "quote both sides",
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);

    const versions = await ann.caller.bot.versions({ teamId });
    expect(versions.map((v) => [v.version, v.author, v.message])).toEqual([
      [2, "Ben", "quote both sides"],
      [1, "Ann", "first"],
    ]);
    expect(versions[1]?.code).toBe("export function onStart() {}");
  });

  it("keeps other teams out and refuses empty messages and oversized code", async () => {
    const teacher = await ctx.app.signUp({ name: "Quin", email: "quin@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Private bots", preset: "compact" });
    const owner = await ctx.app.signUp({ name: "Rae", email: "rae@school.test", role: "player" });
    const rival = await ctx.app.signUp({ name: "Sam", email: "sam@school.test", role: "player" });
    const { teamId } = await owner.caller.game.join({ joinCode: created.joinCode, teamName: "Sigma" });
    await rival.caller.game.join({ joinCode: created.joinCode, teamName: "Tau" });

    await expect(rival.caller.bot.versions({ teamId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rival.caller.bot.save({ teamId, code: "x", message: "steal" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(owner.caller.bot.save({ teamId, code: "x", message: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      owner.caller.bot.save({ teamId, code: "x".repeat(100_001), message: "big" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("backtests a saved version on its game's market; nothing to backtest before a save; other teams kept out", async () => {
    const teacher = await ctx.app.signUp({ name: "Uma", email: "uma@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Backtests", preset: "compact", seed: 4242 });
    const owner = await ctx.app.signUp({ name: "Vic", email: "vic@school.test", role: "player" });
    const rival = await ctx.app.signUp({ name: "Wes", email: "wes@school.test", role: "player" });
    const { teamId } = await owner.caller.game.join({ joinCode: created.joinCode, teamName: "Phi" });
    const rivalTeam = (await rival.caller.game.join({ joinCode: created.joinCode, teamName: "Chi" })).teamId;
    // The tape: the rival's recorded orders of session 1 are replayed; the owner's own and later sessions' are not.
    const order = (
      seq: number,
      at: number,
      teamId: string,
      event: "accepted" | "cancelled",
      orderId = `o${seq}`,
    ): GameRecord => ({
      kind: "order",
      seq,
      at,
      orderId,
      teamId,
      instrument: "SPX_4400_CALL_2024-02-15",
      side: "sell",
      orderType: "limit",
      price: 1,
      quantity: 10,
      event,
      reason: event === "cancelled" ? "user_requested" : null,
      source: "manual",
    });
    const ten = Date.UTC(2024, 1, 13, 10);
    await ingestRecords(ctx.handle.db, {
      gameId: created.id,
      records: [
        order(1, ten, rivalTeam, "accepted"),
        order(2, ten + 60_000, rivalTeam, "cancelled", "o1"),
        order(3, ten, teamId, "accepted"),
        order(4, Date.UTC(2024, 1, 15, 10), rivalTeam, "accepted"),
      ],
    });

    await expect(owner.caller.bot.backtest({ teamId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await owner.caller.bot.save({
      teamId,
      message: "bid under value",
      code: `export function onStart(bot) { bot.setTimer(60000); }
export function onTimer(bot) {
  if (bot.clock().phase !== "continuous") return;
  const s = bot.instruments()[0];
  bot.log("bidding on", s);
  bot.place({ instrument: s, side: "buy", orderType: "limit", price: 1, quantity: 1, tif: "ioc" });
}`,
    });
    const result = await owner.caller.bot.backtest({ teamId });
    expect(result).toMatchObject({ version: 1, seed: 4242, error: null, stopped: null, tapeOrders: 2 });
    expect(result.series?.length).toBeGreaterThan(60);
    expect(result.logs?.some((l) => l.startsWith("bidding on SPX_"))).toBe(true);
    await expect(rival.caller.bot.backtest({ teamId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  }, 60_000);
});
