import { expect, test } from "@playwright/test";
import { person, signUpInNewContext } from "./fixtures";

test("sign up, sign out, bad credentials, sign in", async ({ browser }) => {
  const ada = person("Ada", "player");
  const page = await signUpInNewContext(browser, ada);
  await page.screenshot({ path: "test-results/screens/lobby-player.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(ada.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sign-in-error.png" });

  await page.getByLabel("Password").fill(ada.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/games$/);
  await expect(page.getByTestId("whoami")).toHaveText("Ada · Player");
});

test("an instructor creates a game; a player joins by code and both reach the game's room", async ({
  browser,
}) => {
  const teacher = await signUpInNewContext(browser, person("Grace", "instructor"));
  await teacher.getByLabel("Game name").fill("E2E options lab");
  await teacher.getByRole("button", { name: "Create game" }).click();
  await expect(teacher).toHaveURL(/\/games\/[0-9a-f-]{36}$/);
  await expect(teacher.getByTestId("room-status")).toHaveText("Live");
  await expect(teacher.getByTestId("room-connected")).toHaveText("1");
  const joinCode = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(joinCode).toMatch(/^[A-Z2-9]{6}$/);

  const player = await signUpInNewContext(browser, person("Linus", "player"));
  await player.getByLabel(/Join code/).fill(joinCode.toLowerCase());
  await player.getByLabel(/Team name/).fill("Alpha");
  await player.getByRole("button", { name: "Join game" }).click();
  await expect(player).toHaveURL(teacher.url());
  await expect(player.getByText("You trade for Alpha")).toBeVisible();
  await expect(player.getByTestId("room-status")).toHaveText("Live");

  // Presence crosses the room: the instructor's page sees the player arrive without reloading.
  await expect(teacher.getByTestId("room-connected")).toHaveText("2");
  await expect(player.getByTestId("room-connected")).toHaveText("2");

  // A round trip through the room.
  await player.getByRole("button", { name: "Ping the exchange" }).click();
  await expect(player.getByTestId("room-pong")).toContainText("pong #1");
  await player.screenshot({ path: "test-results/screens/game-player.png", fullPage: true });
  await teacher.screenshot({ path: "test-results/screens/game-instructor.png", fullPage: true });

  // The instructor assigns a role; the player sees it and issues an API key for external bots (shown once).
  await teacher.reload();
  await teacher.getByLabel("Role of Alpha").selectOption("hedge_fund");
  await expect(teacher.getByLabel("Role of Alpha")).toHaveValue("hedge_fund");
  await player.reload();
  await expect(player.getByText("You trade for Alpha (hedge fund).")).toBeVisible();
  await player.getByRole("button", { name: "Issue a key" }).click();
  await expect(player.getByTestId("api-key")).toHaveText(/^oc_[A-Za-z0-9_-]{43}$/);

  // The projector view opens from the instructor's link in a browser with no login, read-only.
  await teacher.getByRole("button", { name: "Projector link" }).click();
  const watchHref = await teacher.getByTestId("projector-link").getAttribute("href");
  const projector = await (await browser.newContext()).newPage();
  await projector.goto(watchHref ?? "/");
  await expect(projector.getByTestId("room-status")).toHaveText("Live");
  await expect(projector.getByRole("region", { name: "Leaderboard" })).toBeVisible();
  await expect(projector.getByRole("button", { name: /Buy/ })).toHaveCount(0);
  await projector.screenshot({ path: "test-results/screens/projector.png", fullPage: true });
  await projector.goto((watchHref ?? "/").replace(/key=.*/, "key=wrong-key-123"));
  await expect(
    projector.getByRole("alert").filter({ hasText: "This projector link is not valid" }),
  ).toBeVisible();

  // A wrong code gets a clear message.
  await player.goto("/games");
  await player.getByLabel(/Join code/).fill("ZZZZZZ");
  await player.getByLabel(/Team name/).fill("Alpha");
  await player.getByRole("button", { name: "Join game" }).click();
  await expect(
    player.getByRole("alert").filter({ hasText: "No game has the join code ZZZZZZ." }),
  ).toBeVisible();
});
