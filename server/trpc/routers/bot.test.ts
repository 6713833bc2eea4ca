import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db";
import { createTestApp } from "../../testing/test-app";
import { openTestDb, testDbKinds } from "../../testing/test-databases";

describe.each(testDbKinds())("bot versions on %s", (kind) => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    app = createTestApp(handle.db);
  });
  afterAll(() => handle.close());

  it("numbers versions per team, keeps author, message and code, newest first", async () => {
    const teacher = await app.signUp({ name: "Pat", email: "pat@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Bots", preset: "compact" });
    const ann = await app.signUp({ name: "Ann", email: "ann@school.test", role: "player" });
    const ben = await app.signUp({ name: "Ben", email: "ben@school.test", role: "player" });
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
    const teacher = await app.signUp({ name: "Quin", email: "quin@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Private bots", preset: "compact" });
    const owner = await app.signUp({ name: "Rae", email: "rae@school.test", role: "player" });
    const rival = await app.signUp({ name: "Sam", email: "sam@school.test", role: "player" });
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
});
