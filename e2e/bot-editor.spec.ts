import { expect, type Page, test } from "@playwright/test";
import { person, signUpInNewContext } from "./fixtures";

async function typeInEditor(page: Page, text: string) {
  const editor = page.getByRole("textbox", { name: "Bot code" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

test("a player writes a bot, saves versions, diffs, restores, and keeps an unsaved draft", async ({
  browser,
}) => {
  const teacher = await signUpInNewContext(browser, person("Hopper", "instructor"));
  await teacher.getByLabel("Game name").fill("Bot lab");
  await teacher.getByRole("button", { name: "Create game" }).click();
  const joinCode = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";

  const player = await signUpInNewContext(browser, person("Turing", "player"));
  await player.getByLabel(/Join code/).fill(joinCode);
  await player.getByLabel(/Team name/).fill("Enigma");
  await player.getByRole("button", { name: "Join game" }).click();
  await player.getByRole("link", { name: "Bot editor" }).click();

  // A new team starts from its role's starter bot.
  const editor = player.getByRole("textbox", { name: "Bot code" });
  await expect(editor).toContainText("Market maker starter");

  // The editor completes the bot API.
  await typeInEditor(player, "export function onStart(bot) { bot.setT");
  await expect(player.getByRole("option", { name: /setTimer/ })).toBeVisible();

  // Type errors against the bot API are underlined as you type.
  await typeInEditor(player, "export function onStart(bot) { bot.settimer(1000); }");
  await expect(player.locator(".cm-lintRange-error")).toHaveCount(1);
  await player.locator(".cm-lintRange-error").hover();
  await expect(
    player.getByText("bot.settimer does not exist — did you mean bot.setTimer?", { exact: false }),
  ).toBeVisible();

  await typeInEditor(player, "export function onStart(bot) { bot.log('v1'); }");
  await expect(player.locator(".cm-lintRange-error")).toHaveCount(0);
  await player.getByLabel("What changed").fill("hello world");
  await player.getByRole("button", { name: "Save as new version" }).click();
  await expect(player.getByText("v1", { exact: true })).toBeVisible();

  await typeInEditor(player, "export function onStart(bot) { bot.log('v2'); }");
  await player.getByRole("button", { name: "Save as new version" }).click();
  await expect(
    player.getByRole("alert").filter({ hasText: "Say what changed in this version." }),
  ).toBeVisible();
  await player.getByLabel("What changed").fill("second");
  await player.getByRole("button", { name: "Save as new version" }).click();
  await expect(player.getByText("v2", { exact: true })).toBeVisible();

  await player.getByRole("button", { name: "Diff vs previous" }).click();
  await expect(player.getByTestId("code-diff")).toContainText("v2");
  await player.screenshot({ path: "test-results/screens/bot-editor.png", fullPage: true });

  // Restore v1 into the editor, then leave it unsaved: the draft survives a reload.
  await player.getByRole("button", { name: "Restore" }).nth(1).click();
  await expect(editor).toContainText("bot.log('v1')");
  await expect(player.getByText("unsaved changes")).toBeVisible();
  player.on("dialog", (dialog) => dialog.accept());
  await player.reload();
  await expect(player.getByRole("textbox", { name: "Bot code" })).toContainText("bot.log('v1')");
});
