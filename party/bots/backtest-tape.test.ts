import { describe, expect, it } from "vitest";
import { runBacktest } from "./backtest";
import type { TapeOrder } from "./backtest-tape";

const X = "SPX_4400_CALL_2024-02-15";
const TEN = Date.UTC(2024, 1, 13, 10, 0, 0); // session 1, 10:00 game time
/** Rests one 5-lot bid at the theoretical value early in the session and keeps it. */
const BIDDER = `
export function onStart(bot) { bot.setTimer(1000); }
export function onTimer(bot) {
  if (bot.clock().phase !== "continuous" || bot.state.placed) return;
  const theo = bot.theo("${X}");
  if (theo === null) return;
  bot.state.placed = true;
  bot.place({ instrument: "${X}", side: "buy", orderType: "limit", price: theo, quantity: 5 });
}`;
const tape: { teams: { teamId: string; role: "hedge_fund" }[]; orders: TapeOrder[] } = {
  teams: [{ teamId: "fund", role: "hedge_fund" }],
  orders: [
    // The fund's recorded sell at 10:00 sweeps the bids (the bot's among them); a cancel of an order never placed is skipped.
    { kind: "cancel", at: TEN - 60_000, teamId: "fund", orderId: "o-never" },
    {
      kind: "place",
      at: TEN,
      teamId: "fund",
      orderId: "o9",
      instrument: X,
      side: "sell",
      orderType: "limit",
      price: 1,
      quantity: 100,
    },
  ],
};
const backtest = async (withTape: boolean) => {
  const result = await runBacktest({
    code: BIDDER,
    role: "market_maker",
    seed: 7,
    preset: "compact",
    ...(withTape ? { tape } : {}),
  });
  if ("error" in result) throw new Error(result.error);
  return result;
};

describe("backtest on the game's tape", () => {
  it("replays another team's recorded orders at their game times: the bot's bid fills against them, deterministically", async () => {
    const [alone, taped, again] = [await backtest(false), await backtest(true), await backtest(true)];
    // Same tape, same result.
    expect(again.fills).toEqual(taped.fills);
    expect(again.pnlCents).toBe(taped.pnlCents);
    // The fund's sell at 10:00 fills the bot's resting bid, which the market alone did not (or not then).
    const fromTape = taped.fills.filter((f) => f.at >= TEN && f.liquidity === "maker");
    expect(fromTape.length).toBeGreaterThan(0);
    expect(alone.fills.filter((f) => f.at >= TEN && f.at < TEN + 60_000)).toEqual([]);
    expect(fromTape[0]?.at).toBeLessThan(TEN + 60_000);
    expect(taped.marketTrades).toBeGreaterThan(alone.marketTrades);
  }, 120_000);
});
