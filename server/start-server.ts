import "server-only";
import { getAuth } from "./auth/get-auth";
import { getDb } from "./db/client";
import { env } from "./env";
import { seedDemo } from "./services/demo-seed";

/** Runs once when the Next server starts: migrations (inside getDb), then the demo seed when enabled. */
export async function startServer(): Promise<void> {
  await getDb();
  if (env.SEED_DEMO) {
    const outcome = await seedDemo(await getDb(), await getAuth());
    console.log(`outcry: demo data ${outcome === "seeded" ? "seeded" : "already present"}`);
  }
}
