import { chooseInstrument, drawSize, limitPrice, type RetailInstrument } from "./retail-choice";
import type { Rng } from "./rng";
import type { SimConfig } from "./sim-config";

/** What the retail generator may read of the market at a tick start. Prices in ticks, quantities in contracts. */
export type RetailMarket = {
  readonly spxTicks: number;
  readonly spyTicks: number;
  readonly instruments: readonly RetailInstrument[];
  top(symbol: string): { bid: number | null; ask: number | null };
  theoTicks(symbol: string): number;
  /** Signed position of retail account `account` (0-based) in `symbol`. */
  position(account: number, symbol: string): number;
  /** Σ |position| of the account over all options. */
  totalPosition(account: number): number;
};

export type RetailOrder = {
  /** 0 … accounts − 1. */
  readonly account: number;
  /** Seconds after the tick start, 0 … secondsPerTick − 1; one order per account per second. */
  readonly offsetSeconds: number;
  readonly symbol: string;
  readonly side: "buy" | "sell";
  readonly orderType: "limit" | "market";
  /** Limit price in ticks; null for market orders. */
  readonly price: number | null;
  readonly quantity: number;
  /** A market order closing a whole position (step 7), not a new arrival. */
  readonly closing: boolean;
};

/** Per account: the positions as they will be if this tick's planned orders fill, and the seconds taken. */
class Plan {
  readonly #delta = new Map<string, number>();
  readonly #seconds = new Set<number>();
  #total: number;

  constructor(
    private readonly market: RetailMarket,
    private readonly account: number,
    private readonly secondsPerTick: number,
  ) {
    this.#total = market.totalPosition(account);
  }

  position(symbol: string): number {
    return this.market.position(this.account, symbol) + (this.#delta.get(symbol) ?? 0);
  }

  /** The largest quantity ≤ `wanted` that keeps Σ |position| ≤ limit, or only reduces it. */
  allowed(symbol: string, sign: number, wanted: number, limit: number): number {
    const p = this.position(symbol);
    for (let q = wanted; q > 0; q--) {
      const next = Math.abs(p + sign * q);
      if (next < Math.abs(p) || this.#total - Math.abs(p) + next <= limit) return q;
    }
    return 0;
  }

  add(symbol: string, signedQuantity: number): void {
    const p = this.position(symbol);
    this.#total += Math.abs(p + signedQuantity) - Math.abs(p);
    this.#delta.set(symbol, (this.#delta.get(symbol) ?? 0) + signedQuantity);
  }

  /** The first free second at or after `wanted` (wrapping), so an account sends at most one order a second. */
  takeSecond(wanted: number): number {
    for (let i = 0; i < this.secondsPerTick; i++) {
      const s = (wanted + i) % this.secondsPerTick;
      if (!this.#seconds.has(s)) {
        this.#seconds.add(s);
        return s;
      }
    }
    return wanted;
  }
}

/**
 * One tick of retail flow (GAME.md §9.7 [proposed], DECISIONS.md accounts): first, each non-zero position closes
 * with probability `closeProbability` by a market order; then N ~ Poisson(ordersPerTick) (≤ maxPerTick) new
 * orders at uniform seconds of the tick, each for a random account, reduced or skipped so the account's planned
 * Σ |position| stays within `positionLimit` (open orders are not known here; the exchange's worst-case check stays
 * authoritative). Sorted by offset, then account.
 */
export function planRetailTick(config: SimConfig, rng: Rng, market: RetailMarket): RetailOrder[] {
  const r = config.retail;
  const plans = Array.from({ length: r.accounts }, (_, a) => new Plan(market, a, config.secondsPerTick));
  const orders: RetailOrder[] = [];

  plans.forEach((plan, account) => {
    for (const { symbol } of market.instruments) {
      const p = market.position(account, symbol);
      if (p === 0 || rng.next() >= r.closeProbability) continue;
      plan.add(symbol, -p);
      const offsetSeconds = plan.takeSecond(0);
      const side = p > 0 ? "sell" : "buy";
      orders.push({
        account,
        offsetSeconds,
        symbol,
        side,
        orderType: "market",
        price: null,
        quantity: Math.abs(p),
        closing: true,
      });
    }
  });

  const arrivals = Math.min(r.maxPerTick, rng.poisson(r.ordersPerTick));
  const spot = { SPX: market.spxTicks, SPY: market.spyTicks };
  for (let n = 0; n < arrivals; n++) {
    const account = rng.int(0, r.accounts - 1);
    const wantedSecond = rng.int(0, config.secondsPerTick - 1);
    const instrument = chooseInstrument(r, rng, market.instruments, spot);
    const side = rng.next() < r.buyProbability ? "buy" : "sell";
    const size = drawSize(r, rng);
    const isMarket = rng.next() < r.marketProbability;
    const plan = plans[account];
    if (!instrument || !plan) continue;
    const price = isMarket
      ? null
      : limitPrice(r, rng, side, market.top(instrument.symbol), market.theoTicks(instrument.symbol));
    const sign = side === "buy" ? 1 : -1;
    const quantity = plan.allowed(instrument.symbol, sign, size, r.positionLimit);
    if (quantity === 0) continue;
    plan.add(instrument.symbol, sign * quantity);
    orders.push({
      account,
      offsetSeconds: plan.takeSecond(wantedSecond),
      symbol: instrument.symbol,
      side,
      orderType: isMarket ? "market" : "limit",
      price,
      quantity,
      closing: false,
    });
  }
  return orders.sort((a, b) => a.offsetSeconds - b.offsetSeconds || a.account - b.account);
}
