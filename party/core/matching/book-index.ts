import type { RestingNode } from "./book-side";

/** Slots in a new index; it doubles whenever it gets half full. */
const MIN_SLOTS = 64;

/**
 * The book's id → resting order index: an open-addressing hash table (linear probing, deletion by backward shift,
 * so no tombstones and no periodic rehash), rather than a `Map`. Measured on the engine bench, a `Map` under this
 * churn (every order inserted once and deleted once) cost ~17% of the book's time in its builtins and rehashes,
 * and its discarded tables kept ~2 MB of young orders alive through each scavenge; this one removes an order by
 * its stored hash and identity (no string work) and never leaves a discarded table pointing at orders.
 *
 * One array holds each slot's order and its id's hash side by side (`[order, hash, order, hash, …]`), so a probe
 * reads one cache line and compares numbers before it touches a string; moving an entry never rehashes it. Hashes
 * are FNV-1a over the id's UTF-16 units. Load stays at most one half.
 */
export class BookIndex {
  /** Slot i: its order (or null) at 2i, that order's hash at 2i + 1. */
  #table: (RestingNode | number | null)[] = emptyTable(MIN_SLOTS);
  #mask = MIN_SLOTS - 1;
  /** 32 − log2(slots): Fibonacci hashing takes the product's top bits, which mix every bit of the hash. */
  #shift = 32 - Math.log2(MIN_SLOTS);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(id: string): RestingNode | undefined {
    const hash = hashOf(id);
    const table = this.#table;
    const mask = this.#mask;
    for (let i = this.#home(hash); ; i = (i + 1) & mask) {
      const node = table[2 * i] as RestingNode | null;
      if (node === null) return undefined;
      if (table[2 * i + 1] === hash && node.id === id) return node;
    }
  }

  /** Indexes `node` under its id; an order already indexed under that id is replaced (as `Map.set` would). */
  add(node: RestingNode) {
    const id = node.id;
    const hash = hashOf(id);
    node.hash = hash;
    const table = this.#table;
    const mask = this.#mask;
    let i = this.#home(hash);
    for (; ; i = (i + 1) & mask) {
      const other = table[2 * i] as RestingNode | null;
      if (other === null) break;
      if (table[2 * i + 1] === hash && other.id === id) {
        table[2 * i] = node;
        return;
      }
    }
    table[2 * i] = node;
    table[2 * i + 1] = hash;
    if (++this.#size * 4 > table.length) this.#grow();
  }

  /**
   * Unindexes `node` (a no-op if it is not indexed): found by identity from its stored hash, so no string is hashed
   * or compared. Then closes the gap: later entries of its probe run move back, which touches only the table,
   * never the orders.
   */
  delete(node: RestingNode) {
    const table = this.#table;
    const mask = this.#mask;
    let gap = this.#home(node.hash);
    for (; ; gap = (gap + 1) & mask) {
      const other = table[2 * gap] as RestingNode | null;
      if (other === node) break;
      if (other === null) return;
    }
    this.#size--;
    for (let i = (gap + 1) & mask; ; i = (i + 1) & mask) {
      const moved = table[2 * i] as RestingNode | null;
      if (moved === null) break;
      const hash = table[2 * i + 1] as number;
      // An entry may fill the gap only if its home slot is not cyclically within (gap, i].
      const home = this.#home(hash);
      if (gap <= i ? gap < home && home <= i : gap < home || home <= i) continue;
      table[2 * gap] = moved;
      table[2 * gap + 1] = hash;
      gap = i;
    }
    table[2 * gap] = null;
  }

  #home(hash: number): number {
    // `| 0`: the shift is at least 1, so the slot fits an int32, and the compiler then keeps it out of doubles.
    return (Math.imul(hash, 0x9e3779b1) >>> this.#shift) | 0;
  }

  #grow() {
    const old = this.#table;
    const slots = old.length; // twice as many slots as before: the old table held two entries per slot
    const table = emptyTable(slots);
    this.#table = table;
    this.#mask = slots - 1;
    this.#shift--;
    for (let j = 0; j < old.length; j += 2) {
      const node = old[j] as RestingNode | null;
      if (node === null) continue;
      const hash = old[j + 1] as number;
      let i = this.#home(hash);
      while (table[2 * i] !== null) i = (i + 1) & this.#mask;
      table[2 * i] = node;
      table[2 * i + 1] = hash;
      old[j] = null; // the discarded table may be old-generation garbage: it must not keep orders alive
    }
  }
}

function emptyTable(slots: number): (RestingNode | number | null)[] {
  const table: (RestingNode | number | null)[] = [];
  for (let i = 0; i < slots; i++) table.push(null, 0);
  return table;
}

/** FNV-1a, 32 bits. Order ids are short (`o123`), so this costs a few nanoseconds. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash;
}
