import { type Browser, expect, type Page } from "@playwright/test";

/** A unique suffix per run, so runs against a shared PostgreSQL never collide on emails. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export type Person = { name: string; email: string; password: string; role: "instructor" | "player" };

export function person(name: string, role: Person["role"]): Person {
  return { name, email: `${name.toLowerCase()}-${RUN}@e2e.test`, password: "e2e-password-1", role };
}

/** Signs up through the UI in a fresh browser context and lands in the lobby. */
export async function signUpInNewContext(browser: Browser, who: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByLabel(who.role === "instructor" ? "an instructor" : "a player").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/games$/);
  await expect(page.getByTestId("whoami")).toContainText(who.name);
  return page;
}

/** Joins a game by code as a (new or existing) team and lands on the game page. */
export async function joinGame(page: Page, code: string, team: string) {
  // A click before React has hydrated the form would submit it as a plain GET: wait for the page to settle.
  await page.waitForLoadState("networkidle");
  await page.getByLabel(/Join code/).fill(code);
  await page.getByLabel(/Team name/).fill(team);
  await page.getByRole("button", { name: "Join game" }).click();
  await expect(page).toHaveURL(/\/games\/[0-9a-f-]{36}$/);
}

/** An instructor's new game, from the lobby; returns its join code. */
export async function createGame(page: Page, name: string): Promise<string> {
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Game name").fill(name);
  await page.getByRole("button", { name: "Create game" }).click();
  await expect(page).toHaveURL(/\/games\/[0-9a-f-]{36}$/);
  return (await page.getByTestId("join-code").textContent())?.trim() ?? "";
}

/** Replaces the bot editor's content with `text`. */
export async function typeInEditor(page: Page, text: string) {
  const editor = page.getByRole("textbox", { name: "Bot code" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}
