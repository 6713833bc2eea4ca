import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { createTestApp } from "../testing/test-app";
import { openTestDb, testDbKinds } from "../testing/test-databases";
import { DEMO_ACCOUNTS, DEMO_JOIN_CODE, DEMO_PASSWORD, seedDemo } from "./demo-seed";

describe.each(testDbKinds())("demo seed on %s", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(() => handle.close());

  it("creates the demo logins, teams and game once, and they work", async () => {
    const app = createTestApp(handle.db);
    expect(await seedDemo(handle.db, app.auth)).toBe("seeded");
    expect(await seedDemo(handle.db, app.auth)).toBe("present");

    const alpha = DEMO_ACCOUNTS[1];
    const signedIn = await app.auth.api.signInEmail({
      body: { email: alpha.email, password: DEMO_PASSWORD },
      asResponse: true,
    });
    expect(signedIn.status).toBe(200);
    const caller = await app.callerFor(
      new Headers({ cookie: signedIn.headers.getSetCookie()[0]?.split(";")[0] ?? "" }),
    );
    const [demo] = await caller.game.mine();
    expect(demo).toMatchObject({ name: "Demo game", access: "player", joinCode: DEMO_JOIN_CODE });
    if (!demo) throw new Error("the demo game is missing");
    const view = await caller.game.byId({ gameId: demo.id });
    expect(view.team).toMatchObject({ name: "Alpha", role: "market_maker" });
    expect(view.teams.map((t) => [t.name, t.role])).toEqual([
      ["Alpha", "market_maker"],
      ["Beta", "hedge_fund"],
    ]);
  });
});
