import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { testDbKinds } from "../../testing/test-databases";
import { withTestApp } from "../../testing/with-test-app";

describe.each(testDbKinds())("game router on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("lets an instructor create a game and a player join it by code", async () => {
    const teacher = await ctx.app.signUp({ name: "Ada", email: "ada@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Monday class", preset: "compact", seed: 42 });
    expect(created.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.seed).toBe(42);

    const player = await ctx.app.signUp({ name: "Bo", email: "bo@school.test", role: "player" });
    const code = `${created.joinCode.slice(0, 3).toLowerCase()}-${created.joinCode.slice(3)}`;
    const joined = await player.caller.game.join({ joinCode: code, teamName: "Alpha" });
    expect(joined.gameId).toBe(created.id);

    const again = await player.caller.game.join({ joinCode: created.joinCode, teamName: "Other" });
    expect(again.teamId).toBe(joined.teamId);

    const playerView = await player.caller.game.byId({ gameId: created.id });
    expect(playerView.access).toBe("player");
    expect(playerView.team?.name).toBe("Alpha");
    expect(playerView.game.joinCode).toBe(created.joinCode);

    const teacherView = await teacher.caller.game.byId({ gameId: created.id });
    expect(teacherView.access).toBe("instructor");
    expect(teacherView.teams.map((t) => [t.name, t.members.map((m) => m.name)])).toEqual([["Alpha", ["Bo"]]]);
    expect(playerView.team?.members.map((m) => m.name)).toEqual(["Bo"]);
    expect(JSON.stringify(teacherView)).not.toContain("apiKeyHash");

    expect((await player.caller.game.mine()).map((g) => g.id)).toEqual([created.id]);
    expect((await teacher.caller.game.mine())[0]?.access).toBe("instructor");
  });

  it("mints a room token naming user, team, game and role for this game's room only", async () => {
    const teacher = await ctx.app.signUp({ name: "Cy", email: "cy@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Tokens", preset: "compact" });
    const player = await ctx.app.signUp({ name: "Di", email: "di@school.test", role: "player" });
    const { teamId } = await player.caller.game.join({ joinCode: created.joinCode, teamName: "Delta" });

    const minted = await player.caller.game.roomToken({ gameId: created.id });
    const claims = decodeJwt(minted.token);
    expect(claims).toMatchObject({ gameId: created.id, teamId, role: "player", aud: `game-${created.id}` });
    expect(minted.room).toBe(`game-${created.id}`);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);

    const teacherToken = decodeJwt((await teacher.caller.game.roomToken({ gameId: created.id })).token);
    expect(teacherToken).toMatchObject({ role: "instructor", teamId: null });
  });

  it("refuses strangers, anonymous callers, players creating games and instructors joining", async () => {
    const teacher = await ctx.app.signUp({ name: "Ed", email: "ed@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Private", preset: "full" });
    const stranger = await ctx.app.signUp({ name: "Fi", email: "fi@school.test", role: "player" });

    await expect(stranger.caller.game.byId({ gameId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You are not in this game. Join it with its code.",
    });
    await expect(stranger.caller.game.roomToken({ gameId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(stranger.caller.game.create({ name: "Mine", preset: "compact" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      teacher.caller.game.join({ joinCode: created.joinCode, teamName: "T" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(stranger.caller.game.join({ joinCode: "ZZZZZZ", teamName: "T" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No game has the join code ZZZZZZ.",
    });
    await expect(
      stranger.caller.game.join({ joinCode: created.joinCode, teamName: "  " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const anonymous = await ctx.app.anonymous();
    await expect(anonymous.game.mine()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "Sign in first.",
    });
  });

  it("shares a projector link whose key alone opens a viewer token", async () => {
    const teacher = await ctx.app.signUp({ name: "Vi", email: "vi@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Projected", preset: "compact" });
    const key = await teacher.caller.game.viewKey({ gameId: created.id });
    expect(await teacher.caller.game.viewKey({ gameId: created.id })).toBe(key);

    const anonymous = await ctx.app.anonymous();
    const viewer = await anonymous.game.viewToken({ gameId: created.id, key });
    expect(decodeJwt(viewer.token)).toMatchObject({
      role: "viewer",
      teamId: null,
      aud: `game-${created.id}`,
    });
    expect(viewer.game.name).toBe("Projected");

    await expect(anonymous.game.viewToken({ gameId: created.id, key: `${key}x` })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This projector link is not valid. Ask the instructor for a new one.",
    });
    const player = await ctx.app.signUp({ name: "Wu", email: "wu@school.test", role: "player" });
    await expect(player.caller.game.viewKey({ gameId: created.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
