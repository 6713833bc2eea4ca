import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { z } from "zod";
import type { Db } from "../db";
import { account, session, user, verification } from "../db/schema";

export const UserRole = z.enum(["instructor", "player"]);
export type UserRole = z.infer<typeof UserRole>;

export type AuthOptions = { db: Db; secret: string; baseUrl: string };

/**
 * better-auth with email + password. Every user has a `role` (`instructor` or `player`), chosen at sign-up.
 * Instructors create and run games; players join them. Both may sign up freely: an instructor
 * controls only the games they created.
 */
export function createAuth({ db, secret, baseUrl }: AuthOptions) {
  return betterAuth({
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    secret,
    baseURL: baseUrl,
    trustedOrigins: trustedOriginsFor(baseUrl),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "player", input: true },
      },
    },
    // A whole class signs up and in from one school network (one IP): limits sized for a room of ~100.
    rateLimit: {
      window: 60,
      max: 600,
      customRules: { "/sign-in/email": { window: 60, max: 120 }, "/sign-up/email": { window: 60, max: 120 } },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (candidate) => {
            const role = UserRole.safeParse(candidate.role ?? "player");
            if (!role.success) {
              throw new APIError("BAD_REQUEST", { message: "Role must be instructor or player." });
            }
            return { data: { ...candidate, role: role.data } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The app's own origin, plus its localhost/127.0.0.1 twin so either address works locally. */
function trustedOriginsFor(baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const twin = origin.includes("://localhost")
    ? origin.replace("://localhost", "://127.0.0.1")
    : origin.replace("://127.0.0.1", "://localhost");
  return [...new Set([origin, twin])];
}
