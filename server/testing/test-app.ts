import { createAuth } from "../auth";
import type { Db } from "../db";
import { createTRPCContext } from "../trpc/init";
import { createCaller } from "../trpc/routers/app-router";

export const TEST_ENV = {
  ROOM_TOKEN_SECRET: "test-room-secret-0123456789abcdef-0123456789",
  PARTYKIT_HOST: "127.0.0.1:1",
  /** No PartyKit server in router tests: room sync is skipped (party/game-room.test.ts covers it for real). */
  PARTYKIT_URL: "",
  BETTER_AUTH_SECRET: "test-auth-secret-0123456789abcdef-0123456789",
};

/** The real auth and tRPC routers on a test database, with helpers that sign people up and in. */
export function createTestApp(db: Db) {
  const auth = createAuth({ db, secret: TEST_ENV.BETTER_AUTH_SECRET, baseUrl: "http://localhost:3999" });

  async function callerFor(headers: Headers) {
    return createCaller(await createTRPCContext({ db, auth, env: TEST_ENV, headers }));
  }

  /** Signs up through better-auth's real endpoint and returns a caller carrying the session cookie. */
  async function signUp(who: {
    name: string;
    email: string;
    role: "instructor" | "player";
    password?: string;
  }) {
    const response = await auth.api.signUpEmail({
      body: {
        name: who.name,
        email: who.email,
        password: who.password ?? "correct horse battery",
        role: who.role,
      },
      asResponse: true,
    });
    if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const headers = cookieHeaders(response);
    return { caller: await callerFor(headers), headers };
  }

  return { auth, db, callerFor, signUp, anonymous: () => callerFor(new Headers()) };
}

/** Turns Set-Cookie of a response into the Cookie header of the next request. */
export function cookieHeaders(response: Response): Headers {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return new Headers({ cookie: cookies.join("; ") });
}
