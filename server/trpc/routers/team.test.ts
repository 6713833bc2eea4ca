import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../services/api-key";
import { roomSetupFor } from "../../services/team";
import { testDbKinds } from "../../testing/test-databases";
import { withTestApp } from "../../testing/with-test-app";

describe.each(testDbKinds())("team router on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("assigns roles, rotates API keys and reflects both in the room setup", async () => {
    const teacher = await ctx.app.signUp({ name: "Jo", email: "jo@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Roles", preset: "compact", seed: 7 });
    const player = await ctx.app.signUp({ name: "Kit", email: "kit@school.test", role: "player" });
    const { teamId } = await player.caller.game.join({ joinCode: created.joinCode, teamName: "Kappa" });
    const v1 = (await roomSetupFor(ctx.handle.db, created.id)).version;

    await teacher.caller.team.assignRole({ teamId, role: "hedge_fund" });
    const first = await player.caller.team.rotateApiKey({ teamId });
    const second = await player.caller.team.rotateApiKey({ teamId });
    expect(first.key).toMatch(/^oc_[A-Za-z0-9_-]{43}$/);
    expect(second.key).not.toBe(first.key);

    const setup = await roomSetupFor(ctx.handle.db, created.id);
    expect(setup).toMatchObject({ gameId: created.id, preset: "compact", seed: 7 });
    expect(setup.version).toBe(v1 + 3);
    expect(setup.teams).toEqual([
      {
        id: teamId,
        name: "Kappa",
        role: "hedge_fund",
        apiKeyHash: hashApiKey(second.key),
        qualitative: null,
      },
    ]);
  });

  it("lets only the game's instructor assign roles and only members rotate keys", async () => {
    const owner = await ctx.app.signUp({ name: "Lu", email: "lu@school.test", role: "instructor" });
    const other = await ctx.app.signUp({ name: "Mo", email: "mo@school.test", role: "instructor" });
    const created = await owner.caller.game.create({ name: "Guarded", preset: "compact" });
    const player = await ctx.app.signUp({ name: "Ny", email: "ny@school.test", role: "player" });
    const outsider = await ctx.app.signUp({ name: "Ox", email: "ox@school.test", role: "player" });
    const { teamId } = await player.caller.game.join({ joinCode: created.joinCode, teamName: "Nu" });

    await expect(other.caller.team.assignRole({ teamId, role: "arbitrage_desk" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only this game's instructor can assign roles.",
    });
    await expect(player.caller.team.assignRole({ teamId, role: "arbitrage_desk" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(outsider.caller.team.rotateApiKey({ teamId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      owner.caller.team.assignRole({ teamId, role: "retail" as "hedge_fund" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("records the instructor's qualitative score (0–100) for the room's composite score", async () => {
    const owner = await ctx.app.signUp({ name: "Pia", email: "pia@school.test", role: "instructor" });
    const created = await owner.caller.game.create({ name: "Scored", preset: "compact" });
    const player = await ctx.app.signUp({ name: "Quin", email: "quin@school.test", role: "player" });
    const { teamId } = await player.caller.game.join({ joinCode: created.joinCode, teamName: "Rho" });

    expect(await owner.caller.team.setQualitative({ teamId, score: 85 })).toEqual({ teamId, score: 85 });
    expect((await roomSetupFor(ctx.handle.db, created.id)).teams[0]).toMatchObject({ qualitative: 85 });
    await expect(owner.caller.team.setQualitative({ teamId, score: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("The score is a whole number from 0 to 100."),
    });
    await expect(player.caller.team.setQualitative({ teamId, score: 100 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await owner.caller.team.setQualitative({ teamId, score: null });
    expect((await roomSetupFor(ctx.handle.db, created.id)).teams[0]).toMatchObject({ qualitative: null });
  });
});
