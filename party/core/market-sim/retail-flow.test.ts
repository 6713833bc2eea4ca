import { describe, expect, it } from "vitest";
import { buildChain } from "../instruments";
import { drawSize, limitPrice, type RetailInstrument } from "./retail-choice";
import { planRetailTick, type RetailMarket, type RetailOrder } from "./retail-flow";
import { Rng } from "./rng";
import { DEFAULT_SIM_CONFIG } from "./sim-config";

const config = DEFAULT_SIM_CONFIG;
const retail = config.retail;

/** The compact chain as the room would describe it to the generator (expiryIndex 0 = nearest). */
function compactInstruments(): RetailInstrument[] {
  const chain = buildChain({
    preset: "compact",
    startIso: "2024-02-06",
    spotCents: { SPX: 440_000, SPY: 44_000 },
  });
  const expiries = [...new Set(chain.map((i) => i.expiry))].sort();
  return chain.map((i) => ({
    symbol: i.symbol,
    underlying: i.underlying,
    strikeTicks: i.strikeCents,
    call: i.optionType === "call",
    expiryIndex: expiries.indexOf(i.expiry),
  }));
}

const INSTRUMENTS = compactInstruments();

function market(
  positions: Record<number, Record<string, number>> = {},
  top = { bid: 480, ask: 500 },
): RetailMarket {
  return {
    spxTicks: 440_000,
    spyTicks: 44_000,
    instruments: INSTRUMENTS,
    top: () => top,
    theoTicks: () => 490,
    position: (account, symbol) => positions[account]?.[symbol] ?? 0,
    totalPosition: (account) => Object.values(positions[account] ?? {}).reduce((s, q) => s + Math.abs(q), 0),
  };
}

describe("planRetailTick", () => {
  it("is deterministic for a seed and keeps one order per account per second, inside the tick", () => {
    const plan = (seed: number) =>
      Array.from({ length: 200 }, () => planRetailTick(config, Rng.fromSeed(seed), market()));
    expect(plan(3)).toEqual(plan(3));
    const rng = Rng.fromSeed(4);
    const problems: string[] = [];
    for (let t = 0; t < 2_000; t++) {
      const orders = planRetailTick(config, rng, market());
      const keys = orders.map((o) => `${o.account}@${o.offsetSeconds}`);
      if (new Set(keys).size !== keys.length)
        problems.push(`two orders of one account in one second, tick ${t}`);
      orders.forEach((o, i) => {
        if (!Number.isInteger(o.offsetSeconds) || o.offsetSeconds < 0 || o.offsetSeconds >= 300)
          problems.push("offset");
        if (o.account < 0 || o.account >= retail.accounts) problems.push("account");
        if (o.orderType === "market" ? o.price !== null : !Number.isInteger(o.price) || (o.price ?? 0) < 1)
          problems.push("price");
        if (i > 0 && o.offsetSeconds < (orders[i - 1]?.offsetSeconds ?? 0)) problems.push("sorting");
      });
    }
    expect(problems).toEqual([]);
  });

  it("closes each non-zero position with probability 0.05 by a market order for the whole position", () => {
    const symbol = INSTRUMENTS[0]?.symbol as string;
    const rng = Rng.fromSeed(8);
    let closes = 0;
    const ticks = 20_000;
    for (let t = 0; t < ticks; t++) {
      const orders = planRetailTick(config, rng, market({ 1: { [symbol]: -7 } }));
      for (const o of orders.filter((x) => x.closing)) {
        const ok = o.account === 1 && o.symbol === symbol && o.side === "buy" && o.orderType === "market";
        if (!ok || o.quantity !== 7 || o.price !== null)
          throw new Error(`bad closing order ${JSON.stringify(o)}`);
        closes++;
      }
    }
    // Binomial(20,000, 0.05): mean 1,000, SD 31; ±120 is ~4 SD.
    expect(Math.abs(closes - 1_000)).toBeLessThan(120);
  });

  it("never plans an account above 50 contracts in total, reducing or skipping orders", () => {
    const symbol = INSTRUMENTS[0]?.symbol as string;
    const rng = Rng.fromSeed(9);
    const full = { 0: { [symbol]: 48 }, 1: { [symbol]: -50 }, 2: {} };
    let reduced = 0;
    for (let t = 0; t < 3_000; t++) {
      const orders = planRetailTick(config, rng, market(full));
      const after = [0, 1, 2].map((account) => {
        const pos: Record<string, number> = { ...(full as Record<number, Record<string, number>>)[account] };
        for (const o of orders.filter((x: RetailOrder) => x.account === account))
          pos[o.symbol] = (pos[o.symbol] ?? 0) + (o.side === "buy" ? o.quantity : -o.quantity);
        return Object.values(pos).reduce((s, q) => s + Math.abs(q), 0);
      });
      if (after.some((total) => total > 50)) throw new Error(`over the limit at tick ${t}: ${after}`);
      reduced += orders.filter(
        (o) => o.account === 0 && o.side === "buy" && !o.closing && o.quantity <= 2,
      ).length;
    }
    expect(reduced).toBeGreaterThan(0); // account 0 (48 held) was cut down to at most 2 more
  });

  it("prices limit orders off the book, or off theo when a side is empty", () => {
    const rng = Rng.fromSeed(10);
    const withBook = { bid: 480, ask: 500 };
    const buys = Array.from({ length: 5_000 }, () => limitPrice(retail, rng, "buy", withBook, 490));
    // aggressive: 500–502; passive: 475–479; far: theo × (0.7–0.9) = 343–441.
    expect(
      buys.every((p) => (p >= 500 && p <= 502) || (p >= 475 && p <= 479) || (p >= 343 && p <= 441)),
    ).toBe(true);
    const share = (lo: number, hi: number) => buys.filter((p) => p >= lo && p <= hi).length / buys.length;
    expect(share(500, 502)).toBeCloseTo(0.3, 1);
    expect(share(475, 479)).toBeCloseTo(0.5, 1);
    const empty = { bid: null, ask: null };
    const sells = Array.from({ length: 2_000 }, () => limitPrice(retail, rng, "sell", empty, 1_000));
    // aggressive: theo × 0.975 − 0..2 = 973–975; passive: theo × 1.01–1.05; far: theo × 1.1–1.3.
    expect(
      sells.every((p) => (p >= 973 && p <= 975) || (p >= 1_010 && p <= 1_050) || (p >= 1_100 && p <= 1_300)),
    ).toBe(true);
    expect(limitPrice(retail, rng, "sell", { bid: 1, ask: null }, 1)).toBeGreaterThanOrEqual(1);
  });

  it("keeps sizes on the documented grid: 1, then multiples of 5 up to 50", () => {
    const rng = Rng.fromSeed(12);
    const sizes = new Set(Array.from({ length: 10_000 }, () => drawSize(retail, rng)));
    expect([...sizes].every((size) => size === 1 || (size % 5 === 0 && size <= 50))).toBe(true);
    expect(sizes.has(1) && sizes.has(5) && sizes.has(20)).toBe(true);
  });
});
