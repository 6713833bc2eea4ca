import { afterAll, beforeAll } from "vitest";
import type { DbHandle } from "../db";
import { createTestApp } from "./test-app";
import { openTestDb, type TestDbKind } from "./test-databases";

/**
 * For a describe block: a fresh migrated database of `kind` and the real auth + routers on it, opened before the
 * block's tests and closed after. Read `ctx.app` / `ctx.handle` inside tests.
 */
export function withTestApp(kind: TestDbKind) {
  const ctx = {} as { handle: DbHandle; app: ReturnType<typeof createTestApp> };
  beforeAll(async () => {
    ctx.handle = await openTestDb(kind);
    ctx.app = createTestApp(ctx.handle.db);
  });
  afterAll(() => ctx.handle.close());
  return ctx;
}
