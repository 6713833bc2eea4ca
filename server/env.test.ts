import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("server env", () => {
  it("has working defaults for local play", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.BETTER_AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.PARTYKIT_URL).toBe("http://localhost:1988");
    expect(env.SEED_DEMO).toBe(true);
  });

  it("demands the secrets in production, naming each one", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      /BETTER_AUTH_SECRET is required in production[\s\S]*ROOM_TOKEN_SECRET is required in production/,
    );
    const secret = "s".repeat(32);
    const env = parseEnv({ NODE_ENV: "production", BETTER_AUTH_SECRET: secret, ROOM_TOKEN_SECRET: secret });
    expect(env.SEED_DEMO).toBe(false);
  });

  it("says what is wrong with a bad value", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrowError(/DATABASE_URL/);
    expect(() => parseEnv({ ROOM_TOKEN_SECRET: "short" })).toThrowError(/ROOM_TOKEN_SECRET/);
  });
});
