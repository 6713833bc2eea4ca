import { expect, test } from "@playwright/test";
import { createGame, joinGame, person, signUpInNewContext } from "./fixtures";

test("a market maker quotes, a hedge fund lifts the offer; both see the fill; a limit breach shows its message; pause reaches everyone", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = await signUpInNewContext(browser, person("Ines", "instructor"));
  const code = await createGame(teacher, "E2E trading floor");

  const maker = await signUpInNewContext(browser, person("Mia", "player"));
  await joinGame(maker, code, "Makers");
  const fund = await signUpInNewContext(browser, person("Noah", "player"));
  await joinGame(fund, code, "Fund");

  await teacher.reload();
  await teacher.getByLabel("Role of Makers").selectOption("market_maker");
  await expect(teacher.getByLabel("Role of Makers")).toHaveValue("market_maker");
  await teacher.getByLabel("Role of Fund").selectOption("hedge_fund");
  await expect(teacher.getByLabel("Role of Fund")).toHaveValue("hedge_fund");
  await maker.reload();
  await fund.reload();
  await expect(maker.getByText("You trade for Makers (market maker).")).toBeVisible();
  await expect(fund.getByText("You trade for Fund (hedge fund).")).toBeVisible();

  // Settings before the start: no simulated retail flow (so nothing else trades), hedge funds limited to ±100.
  await teacher.getByText("Game settings").click();
  await teacher.getByLabel("Retail orders per 5 minutes").fill("0");
  await teacher.getByLabel("Hedge fund: limit per option").fill("100");
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await expect(teacher.getByText("Saved: they apply from the start.")).toBeVisible();
  // Real time (1×), so the simulated retail flow (a few orders per 5 game-minutes) stays out of the way.
  await teacher.getByLabel("Speed ×").fill("1");
  await teacher.getByRole("button", { name: "Set speed" }).click();
  await expect(teacher.getByRole("status", { name: "Market status" })).toContainText("×1");
  // The instructor opens the market: pre-open → opening auction → continuous; the traders see each step.
  await teacher.getByRole("button", { name: "Start" }).click();
  await expect(fund.getByTestId("phase")).toHaveText("Pre-open");
  await teacher.getByRole("button", { name: "Advance phase" }).click();
  await teacher.getByRole("button", { name: "Advance phase" }).click();
  for (const page of [teacher, maker, fund]) {
    await expect(page.getByTestId("phase")).toHaveText("Continuous trading");
  }

  // Both traders are on the first option of the chain.
  // The ticket shows a short label (SPX 4310C 15 Feb); its title is the canonical symbol the API uses.
  const symbol = (await maker.locator(".ticket-symbol").first().getAttribute("title")) ?? "";
  expect(symbol).toMatch(/^SPX_\d+_CALL_/);
  await expect(maker.locator(".ticket-symbol")).toHaveText(/^SPX \d+C \d{1,2} [A-Z][a-z]{2}$/);
  await expect(fund.locator(".ticket-symbol")).toHaveAttribute("title", symbol);

  const quote = maker.getByRole("form", { name: "Quote ticket" });
  await quote.getByLabel("Bid").fill("25.40");
  await quote.getByLabel("Ask").fill("25.60");
  await quote.getByLabel("Size").fill("20");
  await quote.getByRole("button", { name: "Send quote" }).click();
  // The quote shows in the other trader's book ladder.
  await expect(fund.getByRole("table", { name: `Order book ${symbol}` })).toContainText("25.60");
  // The floor fits a 1366×768 laptop: the chain's puts are on screen without scrolling sideways.
  await maker.setViewportSize({ width: 1366, height: 768 });
  const chain = maker.getByRole("region", { name: "Option chain" });
  const box = await chain.boundingBox();
  const scroll = await chain.locator(".chain").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(box?.width ?? 0).toBeGreaterThan(500);
  expect(scroll).toBeLessThanOrEqual(0);
  await maker.screenshot({ path: "test-results/screens/floor-market-maker.png", fullPage: true });

  const ticket = fund.getByRole("form", { name: "Order ticket" });
  await ticket.getByRole("button", { name: "Buy (B)" }).click();
  await ticket.getByLabel("Quantity").fill("5");
  await ticket.getByLabel("Price").fill("25.60");
  await ticket.getByRole("button", { name: "Buy 5 @ 25.60" }).click();

  // Both see the fill, their position and P&L; everyone sees the print.
  await expect(fund.getByTestId(`position-${symbol}`)).toHaveText("5");
  await expect(maker.getByTestId(`position-${symbol}`)).toHaveText("-5");
  await expect(fund.getByRole("region", { name: "Fills" })).toContainText("25.60");
  await expect(maker.getByRole("region", { name: "Fills" })).toContainText("25.60");
  await expect(fund.getByTestId("pnl-total")).not.toHaveText("");
  await expect(teacher.getByRole("region", { name: "Trades" })).toContainText("25.60");
  // The instructor watches every team live: the fund's position and the maker's limit use.
  const label = (await maker.locator(".ticket-symbol").first().textContent())?.trim() ?? "";
  await expect(teacher.getByTestId("team-live-Fund")).toContainText(`+5 ${label}`);
  // The score's role KPIs (GAME.md §12.3) are shown with it.
  await expect(teacher.getByTestId("team-kpis-Makers")).toContainText("Quote uptime");
  await expect(teacher.getByTestId("team-kpis-Fund")).toContainText("Return on capital");
  await expect(teacher.getByTestId("team-live-Makers")).toContainText("/200");
  // Compliance on game time: the fund's delta check is on its screen.
  await expect(fund.getByTestId("compliance-HF_DELTA")).toContainText("Portfolio delta");
  // Each team sees its own live score and the role KPIs behind it.
  await expect(fund.getByTestId("own-kpis")).toContainText("Return on capital");
  await expect(maker.getByTestId("own-kpis")).toContainText("Quote uptime");
  await fund.screenshot({ path: "test-results/screens/floor-hedge-fund.png", fullPage: true });

  // The room ships its records to the app: the instructor's CSV export of fills has both sides of the trade.
  const gameUrl = new URL(teacher.url());
  await expect
    .poll(async () => {
      const csv = await (
        await teacher.request.get(`${gameUrl.pathname.replace(/^\/games/, "/api/games")}/export/fills`)
      ).text();
      return csv.split(symbol).length - 1;
    })
    .toBe(2);

  // The debrief (from the same records) shows both teams to the instructor, with where their P&L came from.
  const debrief = await teacher.context().newPage();
  await debrief.goto(`${gameUrl.pathname}/debrief`);
  await expect(debrief.getByRole("region", { name: "Debrief of Fund" })).toContainText("Spread capture");
  await expect(debrief.getByRole("region", { name: "Debrief of Makers" })).toContainText("Who traded");
  await expect(debrief.getByTestId("debrief-breaches-Fund")).toBeVisible();
  await debrief.screenshot({ path: "test-results/screens/debrief.png", fullPage: true });
  await debrief.close();

  // A limit breach: 150 more would take the fund to 155 worst case, over the ±100 set above.
  await ticket.getByLabel("Quantity").fill("150");
  await ticket.getByLabel("Price").fill("25.00");
  await ticket.getByRole("button", { name: "Buy 150 @ 25.00" }).click();
  await expect(fund.getByTestId("ticket-rejection")).toContainText(
    "Position could reach 155, over ±100 on this option. (HF_POS_LIMIT)",
  );
  await fund.screenshot({ path: "test-results/screens/floor-rejection.png" });

  // The projector (no login) shows the biggest trade.
  await teacher.getByRole("button", { name: "Projector link" }).click();
  const watchHref = await teacher.getByTestId("projector-link").getAttribute("href");
  const projector = await (await browser.newContext()).newPage();
  await projector.goto(watchHref ?? "/");
  await expect(projector.getByRole("region", { name: "Biggest trades" })).toContainText("25.60");
  await expect(projector.getByTestId("leaderboard")).toContainText("Fund");
  await expect(projector.getByTestId("leaderboard")).toContainText("Makers");

  // News from the headline table reaches every screen and the projector's ticker.
  await teacher.getByRole("button", { name: "Inject headline" }).click();
  await expect(fund.getByRole("region", { name: "News and signals" })).toContainText(
    "Fed announces emergency meeting",
  );
  await expect(projector.getByTestId("news-ticker")).toHaveText("Fed announces emergency meeting");

  // The instructor grades the qualitative 30% of the score.
  await teacher.getByLabel("Qualitative score of Fund").fill("90");
  await teacher.getByLabel("Qualitative score of Fund").press("Enter");
  await expect(teacher.getByText("saved", { exact: true })).toBeVisible();

  // The instructor pauses: the traders see it, and an order is refused with the reason.
  await teacher.getByRole("button", { name: "Pause" }).click();
  await expect(fund.getByTestId("phase")).toHaveText("Paused");
  await expect(maker.getByTestId("phase")).toHaveText("Paused");
  await expect(projector.getByTestId("phase")).toHaveText("Paused");
  await ticket.getByLabel("Quantity").fill("1");
  await ticket.getByRole("button", { name: "Buy 1 @ 25.00" }).click();
  await expect(fund.getByTestId("ticket-rejection")).toContainText("not accepted during the pause");
  await teacher.screenshot({ path: "test-results/screens/floor-instructor.png", fullPage: true });
  await projector.screenshot({ path: "test-results/screens/projector-live.png", fullPage: true });

  // The session runs to its close (skipped time is still simulated, marks every 5 minutes): the debrief then charts
  // each team's greeks, and the fund's 5 long calls read as long vega and short theta.
  await teacher.getByRole("button", { name: "Resume" }).click();
  await expect(fund.getByTestId("phase")).toHaveText("Continuous trading");
  await teacher.getByRole("button", { name: "Advance phase" }).click();
  await expect(fund.getByTestId("phase")).toHaveText("Closed");
  const after = await teacher.context().newPage();
  await expect(async () => {
    await after.goto(`${gameUrl.pathname}/debrief`);
    const greeks = after.getByTestId("debrief-greeks-Fund");
    await expect(greeks).toContainText("vega +$", { timeout: 3_000 });
    await expect(greeks).toContainText("theta -$", { timeout: 1_000 });
    // The debrief values the session's end as the room's score record does (the close's marks are shipped).
    const pnl = (await after.getByTestId("debrief-pnl-Fund").textContent())?.trim() ?? "?";
    await expect(after.getByTestId("debrief-scores-Fund")).toContainText(`Session 1: ${pnl}`, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(after.getByRole("figure", { name: "Greeks of Makers" })).toBeVisible();
  // The market maker's quote coverage per 5-minute window (one option quoted of the whole chain: under 80%).
  await expect(after.getByTestId("debrief-coverage-Makers")).toContainText(/\d+ windows · \d+ under 80%/);
  await expect(after.getByTestId("debrief-breaches-Makers")).toContainText("quoted");
  await after.screenshot({ path: "test-results/screens/debrief-greeks.png", fullPage: true });
});
