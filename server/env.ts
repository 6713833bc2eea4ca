import { z } from "zod";

/** Secrets that have a working default for local play but must be set in production. */
const DEV_AUTH_SECRET = "outcry-dev-auth-secret-change-me-0123456789";
const DEV_ROOM_SECRET = "outcry-dev-room-secret-change-me-0123456789";

const Env = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Real PostgreSQL when set; embedded PGlite otherwise. */
    DATABASE_URL: z.url().optional(),
    /** PGlite data directory (one process per directory). `memory://` keeps it in memory. */
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    ROOM_TOKEN_SECRET: z.string().min(32).optional(),
    /** Public URL of the app, used by better-auth for origins and redirects. */
    APP_URL: z.url().default("http://localhost:3210"),
    /** host[:port] of the PartyKit server as browsers reach it; handed to clients with each room token. */
    PARTYKIT_HOST: z.string().min(1).default("localhost:1988"),
    /** Internal origin the Next server uses to call rooms over HTTP (defaults to http://PARTYKIT_HOST). */
    PARTYKIT_URL: z.url().optional(),
    /** Seed the demo instructor, teams and game at start (idempotent). */
    SEED_DEMO: z.enum(["0", "1"]).optional(),
  })
  .transform((env, ctx) => {
    // `next build` runs with NODE_ENV=production but serves nobody: secrets are checked when the server starts.
    const production = env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
    for (const key of ["BETTER_AUTH_SECRET", "ROOM_TOKEN_SECRET"] as const) {
      if (production && !env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} is required in production (at least 32 random characters, e.g. \`openssl rand -hex 32\`)`,
        });
      }
    }
    return {
      ...env,
      BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
      ROOM_TOKEN_SECRET: env.ROOM_TOKEN_SECRET ?? DEV_ROOM_SECRET,
      PARTYKIT_URL: env.PARTYKIT_URL ?? `http://${env.PARTYKIT_HOST}`,
      SEED_DEMO: env.SEED_DEMO ? env.SEED_DEMO === "1" : env.NODE_ENV === "development",
    };
  });

export type ServerEnv = z.output<typeof Env>;

/** Parses an environment; throws one readable error listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The validated environment of this process, parsed once on first use. */
export const env: ServerEnv = parseEnv(process.env);
