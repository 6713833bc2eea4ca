/**
 * One resting order, in its level's singly linked FIFO. Its side and price are its level's. `remaining` 0 means
 * gone (filled or cancelled): a cancelled order stays linked as a gap until matching passes it or its level is
 * compacted, so a cancel touches only the order and its level, never its neighbours.
 */
export type RestingNode = {
  readonly id: string;
  readonly owner: string;
  remaining: number;
  readonly level: Level;
  next: RestingNode | null;
  /** Hash of `id`, set by the book's id index (see BookIndex) so removing the order never rehashes its id. */
  hash: number;
};

/**
 * A price level: a FIFO from `head` to `tail` (gaps included), `live` orders still resting with `total` quantity,
 * and `gaps` cancelled ones still linked. A level in its side's arrays always has live > 0.
 */
export type Level = {
  readonly buy: boolean;
  readonly price: number;
  head: RestingNode | null;
  tail: RestingNode | null;
  live: number;
  gaps: number;
  total: number;
};

/**
 * One side of a book. Levels sit in an array sorted with the best price LAST, so the levels that come and go most
 * (at the touch) are pushed and popped at the end; their prices sit in a parallel array, so a binary search reads
 * one small array instead of a level object per probe. The best level and its price are also kept in fields: a
 * passive order checks the other side's best price and its own side's best level without loading any array.
 * Inserting or removing another level shifts the arrays by hand (splice allocates the array it returns).
 */
export class BookSide {
  /** The best level, or null when the side is empty. */
  best: Level | null = null;
  /** The best level's price; 0 when the side is empty. */
  bestPrice = 0;
  /** Worst first, best last: ascending prices for bids, descending for asks. */
  readonly #levels: Level[] = [];
  readonly #prices: number[] = [];

  constructor(readonly buy: boolean) {}

  /** Rests an order at the back of its price level. */
  rest(id: string, owner: string, price: number, remaining: number): RestingNode {
    let level = this.best;
    if (level === null || this.bestPrice !== price) level = this.#levelAt(price);
    const node: RestingNode = { id, owner, remaining, level, next: null, hash: 0 };
    const tail = level.tail;
    if (tail === null) level.head = node;
    else tail.next = node;
    level.tail = node;
    level.live++;
    level.total += remaining;
    return node;
  }

  /** Takes a resting order out (cancel): it becomes a gap its queue skips later. */
  remove(node: RestingNode) {
    const level = node.level;
    level.live--;
    level.total -= node.remaining;
    node.remaining = 0;
    if (level.live === 0) this.#unlist(level);
    else if (++level.gaps > 2 * level.live + 32) compact(level);
  }

  /** Drops the best level once matching has emptied it. */
  dropBest() {
    release(this.#levels.pop() as Level);
    this.#prices.pop();
    this.#refreshBest();
  }

  /** Levels best-first (a copy, so callers may change the book while iterating). */
  bestFirst(): Level[] {
    return this.#levels.slice().reverse();
  }

  /** The level at `price`, inserted in order if there is none. */
  #levelAt(price: number): Level {
    const levels = this.#levels;
    const prices = this.#prices;
    const index = this.#insertionIndex(price);
    if (index > 0 && prices[index - 1] === price) return levels[index - 1] as Level;
    const level: Level = { buy: this.buy, price, head: null, tail: null, live: 0, gaps: 0, total: 0 };
    for (let i = levels.length; i > index; i--) {
      levels[i] = levels[i - 1] as Level;
      prices[i] = prices[i - 1] as number;
    }
    levels[index] = level;
    prices[index] = price;
    if (index === levels.length - 1) this.#refreshBest();
    return level;
  }

  #unlist(level: Level) {
    const levels = this.#levels;
    const prices = this.#prices;
    const last = levels.length - 1;
    if (level === this.best) {
      this.dropBest();
      return;
    }
    const index = this.#insertionIndex(level.price) - 1;
    if (levels[index] !== level) return;
    for (let i = index; i < last; i++) {
      levels[i] = levels[i + 1] as Level;
      prices[i] = prices[i + 1] as number;
    }
    levels.pop();
    prices.pop();
    release(level);
  }

  #refreshBest() {
    const last = this.#levels.length - 1;
    if (last < 0) {
      this.best = null;
      this.bestPrice = 0;
    } else {
      this.best = this.#levels[last] as Level;
      this.bestPrice = this.#prices[last] as number;
    }
  }

  /** The index after every level whose price is not better than `price` (equal prices sort before it). */
  #insertionIndex(price: number): number {
    const prices = this.#prices;
    let lo = 0;
    let hi = prices.length;
    if (this.buy) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((prices[mid] as number) <= price) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((prices[mid] as number) >= price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Detaches a dropped level from its queue. Its remaining nodes (cancelled ones; every live one is gone) are not
 * walked: that walk was the slowest part of the cancel that empties a deep level.
 */
function release(level: Level) {
  level.head = null;
  level.tail = null;
}

/** Unlinks a level's gaps, so a level where orders come and go without trading does not grow for ever. */
function compact(level: Level) {
  let last: RestingNode | null = null;
  let node = level.head;
  while (node !== null) {
    const next: RestingNode | null = node.next;
    if (node.remaining === 0) node.next = null;
    else {
      if (last === null) level.head = node;
      else last.next = node;
      last = node;
    }
    node = next;
  }
  (last as RestingNode).next = null;
  level.tail = last;
  level.gaps = 0;
}
