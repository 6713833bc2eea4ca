import { describe, expect, it } from "vitest";
import { STARTER_BOTS } from "../core/bot-api";
import { runBacktest } from "./backtest";

/** The seed of the default session the starter bots are measured on. */
const SEED = 20_261_124;

describe("starter bots over a default seeded session with only retail flow", () => {
  for (const role of ["market_maker", "hedge_fund", "arbitrage_desk"] as const) {
    it(`${role}: runs the whole session without being stopped and does not lose money`, async () => {
      const result = await runBacktest({
        code: STARTER_BOTS[role].code,
        role,
        seed: SEED,
        preset: "compact",
      });
      if ("error" in result) throw new Error(result.error);
      console.log(
        `starter ${role}: P&L ${result.pnlCents} cents, ${result.fills.length} fills, ${result.marketTrades} trades in the market`,
      );
      expect(result.stopped).toBeNull();
      expect(result.pnlCents).toBeGreaterThanOrEqual(0);
      expect(result.series.length).toBeGreaterThan(60); // a point every 5 game-minutes
    }, 120_000);
  }

  it("a bot that does not load is an error, not a crash", async () => {
    expect(
      await runBacktest({ code: "export function (", role: "hedge_fund", seed: 1, preset: "compact" }),
    ).toMatchObject({
      error: expect.stringMatching(/^Your bot did not load/),
    });
  });
});
