// The benchmark's "1.0×": a deliberately simple but honest price-time book. Price levels live in sorted arrays
// (binary-search insert, best level at the end so it pops cheaply), each level is an array FIFO with a head index,
// cancels go through a Map id → order and are removed lazily (skipped by matching, compacted now and then).
// Same rules as the engine: price-time priority at the resting price, GTC/IOC limits, market = IOC, and
// self-trade prevention that cancels the resting order of the same owner and continues.
import type { BenchSide } from "./workload";

interface Resting {
  readonly id: number;
  readonly owner: number;
  readonly level: Level;
  qty: number;
  live: boolean;
}

interface Level {
  readonly buy: boolean;
  readonly price: number;
  readonly orders: Resting[];
  head: number;
  live: number;
}

/** Counters a book accumulates; equal streams through equal rules must give equal counters. */
export interface MatchCounters {
  /** Maker orders matched (one fill per maker touched). */
  fills: number;
  /** Total quantity traded, in lots. */
  filledQty: number;
  /** Resting orders cancelled by self-trade prevention. */
  stpCancels: number;
  /** Cancels that found no live order (already filled or cancelled). */
  cancelMisses: number;
}

/** A single-instrument baseline book. All prices in ticks and quantities in lots (positive integers). */
export class BaselineBook {
  /** Ascending: best (highest) bid last. */
  readonly #bids: Level[] = [];
  /** Descending: best (lowest) ask last. */
  readonly #asks: Level[] = [];
  readonly #byId = new Map<number, Resting>();
  readonly #counters: MatchCounters;

  /** `counters` may be shared between the books of several instruments. */
  constructor(counters: MatchCounters) {
    this.#counters = counters;
  }

  /** Limit order: matches what crosses, then rests the remainder if `gtc`. */
  limit(id: number, owner: number, side: BenchSide, price: number, qty: number, gtc: boolean): void {
    const left = this.#match(owner, side, price, qty);
    if (left > 0 && gtc) this.#rest(id, owner, side, price, left);
  }

  /** Market order: matches at any price, never rests. */
  market(owner: number, side: BenchSide, qty: number): void {
    this.#match(owner, side, side === "buy" ? Number.POSITIVE_INFINITY : 0, qty);
  }

  /** Cancels a resting order; unknown or finished ids are a counted no-op. */
  cancel(id: number): void {
    const order = this.#byId.get(id);
    if (order === undefined) {
      this.#counters.cancelMisses++;
      return;
    }
    this.#remove(order);
  }

  /** Whether order `id` is resting (live) in this book. */
  has(id: number): boolean {
    return this.#byId.has(id);
  }

  /** Number of live resting orders. */
  restingOrders(): number {
    return this.#byId.size;
  }

  /** Total resting quantity per side (for end-of-run cross-checks). */
  restingQty(): { bids: number; asks: number } {
    let bids = 0;
    let asks = 0;
    for (const o of this.#byId.values()) {
      if (o.level.buy) bids += o.qty;
      else asks += o.qty;
    }
    return { bids, asks };
  }

  #match(owner: number, side: BenchSide, limit: number, qty: number): number {
    const levels = side === "buy" ? this.#asks : this.#bids;
    const c = this.#counters;
    let left = qty;
    while (left > 0 && levels.length > 0) {
      const level = levels[levels.length - 1] as Level;
      if (side === "buy" ? level.price > limit : level.price < limit) break;
      const orders = level.orders;
      while (left > 0 && level.head < orders.length) {
        const maker = orders[level.head] as Resting;
        if (!maker.live) {
          level.head++;
          continue;
        }
        if (maker.owner === owner) {
          c.stpCancels++;
          this.#kill(maker);
          level.head++;
          continue;
        }
        const traded = Math.min(maker.qty, left);
        maker.qty -= traded;
        left -= traded;
        c.fills++;
        c.filledQty += traded;
        if (maker.qty === 0) {
          this.#kill(maker);
          level.head++;
        }
      }
      if (level.live === 0) levels.pop();
    }
    return left;
  }

  #rest(id: number, owner: number, side: BenchSide, price: number, qty: number): void {
    const levels = side === "buy" ? this.#bids : this.#asks;
    // Ascending for bids, descending for asks: find the first index whose level is "better" than price.
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = (levels[mid] as Level).price;
      if (side === "buy" ? p < price : p > price) lo = mid + 1;
      else hi = mid;
    }
    let level = levels[lo];
    if (level === undefined || level.price !== price) {
      level = { buy: side === "buy", price, orders: [], head: 0, live: 0 };
      levels.splice(lo, 0, level);
    }
    const order: Resting = { id, owner, level, qty, live: true };
    level.orders.push(order);
    level.live++;
    this.#byId.set(id, order);
  }

  /** Takes an order out of the id map and its level's live count (its FIFO slot is skipped later). */
  #kill(order: Resting): void {
    order.live = false;
    order.level.live--;
    this.#byId.delete(order.id);
  }

  #remove(order: Resting): void {
    this.#kill(order);
    const level = order.level;
    if (level.live === 0) {
      const levels = level.buy ? this.#bids : this.#asks;
      levels.splice(levels.indexOf(level), 1);
      return;
    }
    // Compact when dead slots dominate, so FIFOs do not grow without bound under cancels.
    const slots = level.orders.length - level.head;
    if (slots > 32 && slots > 4 * level.live) {
      const alive = level.orders.filter((o, i) => i >= level.head && o.live);
      level.orders.length = 0;
      level.orders.push(...alive);
      level.head = 0;
    }
  }
}
