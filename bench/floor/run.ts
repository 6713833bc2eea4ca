// `npm run bench:floor`: is the trading floor smooth at full simulated load? Starts the real stack (production
// Next build + `partykit dev`) on its own ports, creates a compact game with four bot teams through the app's own
// flows, opens the trader screen of one market maker in Debian chromium, and measures the page in two conditions
// of the same run: baseline (game running at ×12, no external load) and full load (×240, retail at its maximum,
// four external bots at the rate limit on every option). Prints both, the ratios and PASS/MISS. Not a test.
import { chromium } from "@playwright/test";
import { startBots } from "./bots";
import { createFloorGame } from "./game-setup";
import { measureWindow, type Sample } from "./measure";
import { installProbe } from "./probe";
import { profileWindow } from "./profile";
import { printRound, printVerdict } from "./report";
import { watchRoom } from "./room-watch";
import { startStack } from "./stack";
import { traceWindow } from "./trace";

const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3351);
const PARTY_PORT = Number(process.env.BENCH_PARTY_PORT ?? 19351);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_MS = 3_000;
const MAX_LIMITS = { perInstrument: 10_000, total: 100_000 };

const stack = await startStack({
  appPort: APP_PORT,
  partyPort: PARTY_PORT,
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  buildArgs: (process.env.BENCH_BUILD_ARGS ?? "").split(" ").filter(Boolean),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
let passed = false;
try {
  const game = await createFloorGame(stack.appUrl);
  const room = await watchRoom(game.instructor, game.gameId);
  await room.admin({
    type: "configure_game",
    config: {
      retailOrdersPerTick: 10,
      hedgeFundAccuracyPct: 66,
      arbitrageAccuracyPct: 80,
      volatilityPct: 100,
      limits: { market_maker: MAX_LIMITS, hedge_fund: MAX_LIMITS, arbitrage_desk: MAX_LIMITS },
    },
  });
  await room.admin({ type: "set_speed", speed: 12 });
  await room.admin({ type: "start_game" });
  await room.admin({ type: "advance_phase" });
  await room.admin({ type: "advance_phase" });

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(game.trader.browserCookies());
  // tsx (esbuild) wraps named functions in `__name(…)`; the serialised probe needs it in the page too.
  await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.goto(`${stack.appUrl}/games/${game.gameId}`);
  await page.getByTestId("room-status").getByText("Live").waitFor();
  await page.getByTestId("phase").getByText("Continuous trading").waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
  console.log(
    `game ${game.gameId}: ${room.instruments().length} options, trader screen open; ${SECONDS} s windows`,
  );

  const rounds: { baseline: Sample; load: Sample }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await page.waitForTimeout(WARMUP_MS);
    const baseline = await measureWindow(page, cdp, "baseline", SECONDS);
    await room.admin({ type: "set_speed", speed: 240 });
    const bots = startBots({
      partyUrl: `http://${stack.partyHost}`,
      gameId: game.gameId,
      teams: game.teams,
      room,
    });
    await page.waitForTimeout(WARMUP_MS);
    const sentBefore = { ...bots.tally, rejected: { ...bots.tally.rejected } };
    const load = await measureWindow(page, cdp, "load", SECONDS);
    const after = { ...bots.tally, rejected: { ...bots.tally.rejected } };
    if (round === ROUNDS && process.env.BENCH_SCREENSHOT) {
      await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
    }
    if (round === ROUNDS && process.env.BENCH_PROFILE) {
      await profileWindow(page, cdp, SECONDS, process.env.BENCH_PROFILE);
    }
    if (round === ROUNDS && process.env.BENCH_TRACE) {
      await traceWindow(browser, page, SECONDS, process.env.BENCH_TRACE);
    }
    await bots.stop();
    await room.admin({ type: "set_speed", speed: 12 });
    const tally = {
      sent: after.sent - sentBefore.sent,
      accepted: after.accepted - sentBefore.accepted,
      rejected: Object.fromEntries(
        Object.entries(after.rejected).map(([k, v]) => [k, v - (sentBefore.rejected[k] ?? 0)]),
      ),
      errors: after.errors - sentBefore.errors,
    };
    printRound(round, baseline, load, tally, load.seconds);
    rounds.push({ baseline, load });
  }
  console.log("");
  passed = rounds.map(({ baseline, load }) => printVerdict(baseline, load)).every(Boolean);
  room.close();
} finally {
  await browser.close();
  await stack.stop();
}
process.exit(passed ? 0 : 1);
