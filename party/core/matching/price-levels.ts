/** One resting order, linked into its level's FIFO queue. */
export type OrderNode = {
  readonly id: string;
  readonly owner: string;
  readonly side: "buy" | "sell";
  readonly price: number;
  remaining: number;
  prev: OrderNode | null;
  next: OrderNode | null;
  level: Level;
};

/** A price level: a doubly linked FIFO (O(1) append and unlink) and its total quantity. */
export type Level = { readonly price: number; head: OrderNode | null; tail: OrderNode | null; total: number };

/**
 * One side of a book: levels by price in a Map, and their prices in a sorted array with the best price LAST, so
 * the levels that come and go most (at the touch) are pushed and popped at the end. Adding or removing another
 * level is a binary search plus a splice; touching an order is O(1).
 */
export class PriceLevels {
  readonly #levels = new Map<number, Level>();
  /** Worst first, best last: ascending for bids, descending for asks. */
  readonly #prices: number[] = [];

  constructor(private readonly descending: boolean) {}

  best(): Level | null {
    const price = this.#prices[this.#prices.length - 1];
    return price === undefined ? null : (this.#levels.get(price) ?? null);
  }

  /** Levels best-first (a live view: do not mutate while iterating). */
  *walk(): Generator<Level> {
    for (let i = this.#prices.length - 1; i >= 0; i--) {
      const level = this.#levels.get(this.#prices[i] as number);
      if (level) yield level;
    }
  }

  /** Appends a new resting order at the back of its price level (one allocation per order). */
  append(id: string, owner: string, side: "buy" | "sell", price: number, remaining: number): OrderNode {
    let level = this.#levels.get(price);
    if (!level) {
      level = { price, head: null, tail: null, total: 0 };
      this.#levels.set(price, level);
      this.#prices.splice(this.#insertionIndex(price), 0, price);
    }
    // Built field by field (no spread) so every node shares one hidden class: the hot path stays monomorphic.
    const linked: OrderNode = {
      id,
      owner,
      side,
      price,
      remaining,
      prev: level.tail,
      next: null,
      level,
    };
    if (level.tail) level.tail.next = linked;
    else level.head = linked;
    level.tail = linked;
    level.total += linked.remaining;
    return linked;
  }

  /** Unlinks an order; drops its level when it empties. */
  unlink(node: OrderNode) {
    const { level } = node;
    if (node.prev) node.prev.next = node.next;
    else level.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else level.tail = node.prev;
    level.total -= node.remaining;
    node.prev = null;
    node.next = null;
    if (level.head === null) {
      this.#levels.delete(level.price);
      const last = this.#prices.length - 1;
      if (this.#prices[last] === level.price) this.#prices.pop();
      else {
        const index = this.#indexOf(level.price);
        if (index >= 0) this.#prices.splice(index, 1);
      }
    }
  }

  /** Reduces a resting order by a fill, keeping the level total right. */
  reduce(node: OrderNode, quantity: number) {
    node.remaining -= quantity;
    node.level.total -= quantity;
  }

  #better(a: number, b: number): boolean {
    return this.descending ? a > b : a < b;
  }

  /** The index before the first price better than `price` (equal prices sort before it). */
  #insertionIndex(price: number): number {
    let lo = 0;
    let hi = this.#prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#better(this.#prices[mid] as number, price)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  #indexOf(price: number): number {
    const index = this.#insertionIndex(price) - 1;
    return this.#prices[index] === price ? index : -1;
  }
}
