import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { testDbKinds } from "../testing/test-databases";
import { withTestApp } from "../testing/with-test-app";

// The bots party itself is exercised for real in party/bot-runner.test.ts; here, who may drive it from the app.
describe.each(testDbKinds())("live bot procedures on %s", (kind) => {
  const ctx = withTestApp(kind);

  it("only the team deploys, stops, reads and watches its bot; nothing to deploy before a save; a runner that cannot be reached is a clear error", async () => {
    const teacher = await ctx.app.signUp({ name: "Ida", email: "ida@school.test", role: "instructor" });
    const created = await teacher.caller.game.create({ name: "Live", preset: "compact" });
    const owner = await ctx.app.signUp({ name: "Jo", email: "jo@school.test", role: "player" });
    const rival = await ctx.app.signUp({ name: "Kit", email: "kit@school.test", role: "player" });
    const { teamId } = await owner.caller.game.join({ joinCode: created.joinCode, teamName: "Lambda" });
    await rival.caller.game.join({ joinCode: created.joinCode, teamName: "Mu" });

    // One call at a time: a promise created early rejects before anything awaits it (an unhandled rejection).
    for (const call of [
      () => rival.caller.bot.deploy({ teamId }),
      () => rival.caller.bot.stop({ teamId }),
      () => rival.caller.bot.status({ teamId }),
      () => rival.caller.bot.liveToken({ teamId }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(owner.caller.bot.deploy({ teamId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await owner.caller.bot.save({ teamId, code: "export function onStart() {}", message: "first" });
    // Router tests run without PartyKit (PARTYKIT_URL is empty): the runner is unreachable, and says so.
    await expect(owner.caller.bot.deploy({ teamId })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "The bot runner cannot be reached; try again.",
    });
    await expect(owner.caller.bot.deploy({ teamId, version: 7 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const live = await owner.caller.bot.liveToken({ teamId });
    expect(live).toMatchObject({ party: "bots", room: `${created.id}.${teamId}` });
    expect(decodeJwt(live.token)).toMatchObject({
      aud: `game-${created.id}`,
      teamId,
      role: "player",
      source: "manual",
    });
  });
});
