import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FEES } from "./fees";
import { Ledger } from "./ledger";

const SEED = 20_261_124;
const X = "SPX_4400_CALL_2024-02-15";

function ledger() {
  const l = new Ledger(DEFAULT_FEES);
  l.open("mm", "market_maker");
  l.open("hf", "hedge_fund");
  l.open("rt", "retail");
  return l;
}

describe("Ledger", () => {
  it("charges and credits fees with the GAME.md §7 sign convention (worked examples)", () => {
    const l = ledger();
    // MM resting bid filled for 100 → +$2.00 rebate; HF market buy of 50 → −$1.00 fee.
    expect(
      l.applyFill({
        accountId: "mm",
        instrument: X,
        side: "buy",
        price: 2540,
        quantity: 100,
        liquidity: "maker",
      }).feeCents,
    ).toBe(200);
    expect(
      l.applyFill({
        accountId: "hf",
        instrument: X,
        side: "buy",
        price: 2540,
        quantity: 50,
        liquidity: "taker",
      }).feeCents,
    ).toBe(-100);
    // Retail pays both ways; auction fills pay the maker rate.
    expect(
      l.applyFill({
        accountId: "rt",
        instrument: X,
        side: "sell",
        price: 2540,
        quantity: 10,
        liquidity: "maker",
      }).feeCents,
    ).toBe(-10);
    expect(
      l.applyFill({
        accountId: "hf",
        instrument: X,
        side: "sell",
        price: 2540,
        quantity: 10,
        liquidity: "auction",
      }).feeCents,
    ).toBe(10);
  });

  it("moves cash by price × quantity × 100 and realises P&L on average cost, through a flip", () => {
    const l = ledger();
    const fill = (side: "buy" | "sell", price: number, quantity: number) =>
      l.applyFill({ accountId: "hf", instrument: X, side, price, quantity, liquidity: "maker" });
    fill("buy", 1000, 10); // long 10 @ 10.00
    fill("buy", 1300, 10); // long 20 @ 11.50
    expect(fill("sell", 1200, 5).realisedCents).toBe((1200 - 1150) * 5 * 100); // +$250
    const flip = fill("sell", 1100, 25); // close 15 @ 11.00 (−$750), open short 10 @ 11.00
    expect(flip).toMatchObject({ realisedCents: (1100 - 1150) * 15 * 100, position: -10 });
    const view = l.view("hf", { [X]: 1000 });
    expect(view.realisedCents).toBe(25_000 - 75_000);
    expect(view.unrealisedCents).toBe((1100 - 1000) * 10 * 100); // short from 11.00, marked at 10.00
    expect(view.feesCents).toBe(50);
    // Identity: cash + position × mark × 100 = realised + unrealised + fees.
    expect(view.cashCents + -10 * 1000 * 100).toBe(view.totalCents);
  });

  it("settles expiring positions in cash at intrinsic value, without a fee", () => {
    const l = ledger();
    l.applyFill({
      accountId: "mm",
      instrument: X,
      side: "sell",
      price: 500,
      quantity: 3,
      liquidity: "maker",
    });
    l.applyFill({ accountId: "hf", instrument: X, side: "buy", price: 500, quantity: 3, liquidity: "taker" });
    const settled = l.settle(X, 800); // intrinsic $8.00
    expect(settled).toEqual([
      { accountId: "mm", position: -3, cashCents: -240_000 },
      { accountId: "hf", position: 3, cashCents: 240_000 },
    ]);
    expect(l.view("hf", {})).toMatchObject({ realisedCents: 90_000, unrealisedCents: 0, positions: [] });
    expect(l.view("mm", {})).toMatchObject({ realisedCents: -90_000, feesCents: 6 });
    expect(l.position("hf", X)).toBe(0);
  });

  it("is zero-sum across accounts plus fees, and keeps the P&L identity exactly (property)", () => {
    const accounts = ["mm", "hf", "rt"] as const;
    const trade = fc.record({
      buyer: fc.constantFrom(...accounts),
      seller: fc.constantFrom(...accounts),
      instrument: fc.constantFrom("A", "B"),
      price: fc.integer({ min: 1, max: 5_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
      buyerMakes: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 80 }), fc.integer({ min: 1, max: 5_000 }), (trades, mark) => {
        const l = ledger();
        for (const t of trades) {
          if (t.buyer === t.seller) continue;
          const base = { instrument: t.instrument, price: t.price, quantity: t.quantity };
          l.applyFill({
            ...base,
            accountId: t.buyer,
            side: "buy",
            liquidity: t.buyerMakes ? "maker" : "taker",
          });
          l.applyFill({
            ...base,
            accountId: t.seller,
            side: "sell",
            liquidity: t.buyerMakes ? "taker" : "maker",
          });
        }
        const marks = { A: mark, B: mark };
        const views = accounts.map((a) => l.view(a, marks));
        for (const instrument of ["A", "B"]) {
          expect(accounts.reduce((n, a) => n + l.position(a, instrument), 0)).toBe(0);
        }
        const cash = views.reduce((n, v) => n + v.cashCents, 0);
        const fees = views.reduce((n, v) => n + v.feesCents, 0);
        expect(cash - fees).toBe(0);
        for (const [i, v] of views.entries()) {
          const account = accounts[i] as string;
          const marked = ["A", "B"].reduce((n, s) => n + l.position(account, s) * mark * 100, 0);
          expect(v.cashCents + marked).toBe(v.totalCents);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
