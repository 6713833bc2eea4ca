import { expect, test } from "@playwright/test";
import { createGame, joinGame, person, signUpInNewContext, typeInEditor } from "./fixtures";

const BOT = `export function onStart(bot) { bot.state.sent = false; bot.setTimer(500); bot.log("live bot up"); }
export function onTimer(bot) {
  if (bot.clock().phase !== "continuous" || bot.state.sent) return;
  bot.state.sent = true;
  const symbol = bot.instruments()[0];
  bot.place({ instrument: symbol, side: "buy", orderType: "limit", price: 101, quantity: 1 });
  bot.log("bid 1.01 on", symbol);
}`;

const CRASHES = `export function onStart(bot) { bot.setTimer(500); }
export function onTimer(bot) { throw new RangeError("no strike"); }`;

test("a player writes a bot in the editor, deploys it, and sees it trade in the game", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = await signUpInNewContext(browser, person("Lovelace", "instructor"));
  const joinCode = await createGame(teacher, "Live bots");

  const player = await signUpInNewContext(browser, person("Babbage", "player"));
  await joinGame(player, joinCode, "Engines");
  await expect(player.getByTestId("room-status")).toHaveText("Live");
  const floor = player.url();

  await teacher.getByText("Game settings").click();
  await teacher.getByLabel("Retail orders per 5 minutes").fill("0");
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await teacher.getByRole("button", { name: "Start" }).click();
  await teacher.getByRole("button", { name: "Advance phase" }).click();
  await teacher.getByRole("button", { name: "Advance phase" }).click();
  await expect(teacher.getByTestId("phase")).toHaveText("Continuous trading");

  await player.getByRole("link", { name: "Bot editor" }).click();
  await typeInEditor(player, BOT);
  await player.getByLabel("What changed").fill("first live bot");
  await player.getByRole("button", { name: "Save as new version" }).click();
  await expect(player.getByText("v1", { exact: true })).toBeVisible();
  await player.getByRole("button", { name: "Deploy v1" }).click();
  await expect(player.getByTestId("bot-state")).toContainText("v1 running");
  await expect(player.getByTestId("bot-logs")).toContainText("live bot up");
  await expect(player.getByTestId("bot-logs")).toContainText("bid 1.01 on SPX_");
  await expect(player.getByTestId("bot-state")).toContainText("1 orders sent");
  await player.screenshot({ path: "test-results/screens/bot-live.png", fullPage: true });

  // Backtest the same version on this game's market: a whole session replayed in seconds.
  await player.getByRole("button", { name: "Backtest v1" }).click();
  await expect(player.getByTestId("backtest-result")).toContainText("v1 on seed", { timeout: 30_000 });
  await expect(player.getByTestId("backtest-result")).toContainText("bid 1.01 on SPX_");
  await player.screenshot({ path: "test-results/screens/bot-backtest.png", fullPage: true });

  // On the floor, the team sees its bot's order among its open orders.
  await player.goto(floor);
  await expect(player.getByRole("region", { name: "Open orders" })).toContainText("1.01");

  // Stop it from the editor.
  await player.getByRole("link", { name: "Bot editor" }).click();
  await expect(player.getByTestId("bot-state")).toContainText("v1 running");
  await player.getByRole("button", { name: "Stop" }).click();
  await expect(player.getByTestId("bot-state")).toContainText("v1 stopped: your team stopped it");

  // A version that throws is stopped by the runner, and the team sees why, with the error, in status and log.
  await typeInEditor(player, CRASHES);
  await player.getByLabel("What changed").fill("crashes on purpose");
  await player.getByRole("button", { name: "Save as new version" }).click();
  await expect(player.getByRole("button", { name: "Deploy v2" })).toBeVisible();
  await player.getByRole("button", { name: "Deploy v2" }).click();
  await expect(player.getByTestId("bot-state")).toContainText("v2 stopped: it threw an error");
  await expect(player.getByTestId("bot-stop-message")).toHaveText(
    "Stopped: your bot threw RangeError: no strike",
  );
  await expect(player.getByTestId("bot-logs")).toContainText("Stopped: your bot threw RangeError: no strike");
  await player.screenshot({ path: "test-results/screens/bot-live-stopped.png", fullPage: true });
});
