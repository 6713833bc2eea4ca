/** One resting order, linked into its level's FIFO queue. Also what cancels hand back once it is unlinked. */
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
 * One side of a book: its levels in an array sorted with the best price LAST, so the levels that come and go
 * most (at the touch) are pushed and popped at the end, and the best level is one array read (no map lookup).
 * Adding or removing another level is a binary search plus a splice; touching an order is O(1).
 */
export class PriceLevels {
  /** Worst first, best last: ascending prices for bids, descending for asks. */
  readonly #levels: Level[] = [];

  constructor(private readonly descending: boolean) {}

  best(): Level | null {
    const levels = this.#levels;
    return levels.length === 0 ? null : (levels[levels.length - 1] as Level);
  }

  /** Levels best-first (a copy, so callers may change the book while iterating). */
  bestFirst(): Level[] {
    return this.#levels.slice().reverse();
  }

  /** Appends a new resting order at the back of its price level (one allocation per order). */
  append(id: string, owner: string, side: "buy" | "sell", price: number, remaining: number): OrderNode {
    const levels = this.#levels;
    let level: Level | undefined = levels[levels.length - 1];
    if (level === undefined || level.price !== price) {
      const index = this.#insertionIndex(price);
      level = levels[index - 1];
      if (level === undefined || level.price !== price) {
        level = { price, head: null, tail: null, total: 0 };
        levels.splice(index, 0, level);
      }
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
    level.total += remaining;
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
    if (level.head === null) this.#drop(level);
  }

  /** Reduces a resting order by a fill, keeping the level total right. */
  reduce(node: OrderNode, quantity: number) {
    node.remaining -= quantity;
    node.level.total -= quantity;
  }

  #drop(level: Level) {
    const levels = this.#levels;
    const last = levels.length - 1;
    if (levels[last] === level) {
      levels.pop();
      return;
    }
    const index = this.#insertionIndex(level.price) - 1;
    if (levels[index] === level) levels.splice(index, 1);
  }

  /** The index after every level whose price is not better than `price` (equal prices sort before it). */
  #insertionIndex(price: number): number {
    const levels = this.#levels;
    let lo = 0;
    let hi = levels.length;
    if (this.descending) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((levels[mid] as Level).price >= price) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as Level).price <= price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
