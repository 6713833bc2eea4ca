import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_APP_PORT, E2E_PARTY_PORT, E2E_ROOM_SECRET } from "./e2e/ports";

const partyPersist = mkdtempSync(path.join(tmpdir(), "outcry-e2e-party-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: [
        "node node_modules/partykit/dist/bin.mjs dev",
        `--port ${E2E_PARTY_PORT} --persist ${partyPersist}`,
        "--disable-request-cf-fetch --no-hotkeys",
        `--var ROOM_TOKEN_SECRET=${E2E_ROOM_SECRET}`,
        `--var RECORDS_URL=http://127.0.0.1:${E2E_APP_PORT}`,
      ].join(" "),
      url: `http://127.0.0.1:${E2E_PARTY_PORT}/parties/main/probe/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://127.0.0.1:${E2E_APP_PORT}/sign-in`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
