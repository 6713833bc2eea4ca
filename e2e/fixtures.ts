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
