import { describe, expect, it } from "vitest";
import { cookieHeaders } from "../testing/test-app";
import { testDbKinds } from "../testing/test-databases";
import { withTestApp } from "../testing/with-test-app";

describe.each(testDbKinds())("auth on %s", (kind) => {
  const ctx = withTestApp(kind);

  const signIn = (email: string, password: string) =>
    ctx.app.auth.api.signInEmail({ body: { email, password }, asResponse: true });

  it("signs up, signs in, reads the session with its role, and signs out", async () => {
    await ctx.app.signUp({
      name: "Gil",
      email: "gil@school.test",
      role: "instructor",
      password: "pass-word-1",
    });

    const response = await signIn("gil@school.test", "pass-word-1");
    expect(response.status).toBe(200);
    const headers = cookieHeaders(response);
    const session = await ctx.app.auth.api.getSession({ headers });
    expect(session?.user).toMatchObject({ email: "gil@school.test", role: "instructor" });

    const out = await ctx.app.auth.api.signOut({ headers, asResponse: true });
    expect(out.status).toBe(200);
    expect(await ctx.app.auth.api.getSession({ headers })).toBeNull();
  });

  it("answers bad credentials with a clear message and no session", async () => {
    await ctx.app.signUp({
      name: "Hal",
      email: "hal@school.test",
      role: "player",
      password: "right-password",
    });
    for (const [email, password] of [
      ["hal@school.test", "wrong-password"],
      ["nobody@school.test", "right-password"],
    ] as const) {
      const response = await signIn(email, password);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        code: "INVALID_EMAIL_OR_PASSWORD",
        message: "Invalid email or password",
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
  });

  it("rejects an unknown role, a short password and a duplicate email", async () => {
    const attempt = (body: Record<string, string>) =>
      ctx.app.auth.api.signUpEmail({
        body: { name: "X", email: "x@school.test", password: "long-enough-pw", ...body } as never,
        asResponse: true,
      });
    const badRole = await attempt({ role: "admin" });
    expect(badRole.status).toBe(400);
    expect(await badRole.json()).toMatchObject({ message: "Role must be instructor or player." });

    const shortPassword = await attempt({ password: "short", role: "player" });
    expect(shortPassword.status).toBe(400);
    expect((await shortPassword.json()).code).toBe("PASSWORD_TOO_SHORT");

    expect((await attempt({ role: "player" })).status).toBe(200);
    const duplicate = await attempt({ role: "player" });
    expect(duplicate.status).toBe(422);
  });

  it("signs up as a player when no role is given", async () => {
    const response = await ctx.app.auth.api.signUpEmail({
      body: { name: "Ivy", email: "ivy@school.test", password: "long-enough-pw" },
      asResponse: true,
    });
    const session = await ctx.app.auth.api.getSession({ headers: cookieHeaders(response) });
    expect(session?.user.role).toBe("player");
  });
});
