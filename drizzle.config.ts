import { defineConfig } from "drizzle-kit";

// Migrations are generated from server/db/schema.ts and committed; the same SQL serves PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema.ts",
  out: "./drizzle",
});
