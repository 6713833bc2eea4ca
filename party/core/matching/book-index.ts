import type { RestingNode } from "./book-side";

const MIN_CAPACITY = 64;

/**
 * The book's id → resting order index: an open-addressing hash table (linear probing, deletion by backward shift,
 * so no tombstones and no periodic rehash), rather than a `Map`. Measured on the engine bench, a `Map` under this
 * churn (every order inserted once and deleted once) cost ~17% of the book's time in its builtins and rehashes,
 * and its discarded tables kept ~2 MB of young orders alive through each scavenge; this one removes an order by
 * the slot it remembers (no hashing) and never leaves a discarded table pointing at orders.
 *
 * Hashes are FNV-1a over the id's UTF-16 units, kept in a typed array beside the slots, so probes compare numbers
 * before strings and moving an entry never rehashes it. Load stays at most one half.
 */
export class BookIndex {
  #slots: (RestingNode | null)[] = new Array(MIN_CAPACITY).fill(null);
  #hashes = new Int32Array(MIN_CAPACITY);
  #mask = MIN_CAPACITY - 1;
  /** 32 − log2(capacity): Fibonacci hashing takes the product's top bits, which mix every bit of the hash. */
  #shift = 32 - Math.log2(MIN_CAPACITY);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(id: string): RestingNode | undefined {
    const hash = hashOf(id);
    const slots = this.#slots;
    const hashes = this.#hashes;
    const mask = this.#mask;
    for (let i = this.#home(hash); ; i = (i + 1) & mask) {
      const node = slots[i] as RestingNode | null;
      if (node === null) return undefined;
      if (hashes[i] === hash && node.id === id) return node;
    }
  }

  /** Indexes `node` under its id; an order already indexed under that id is replaced (as `Map.set` would). */
  add(node: RestingNode) {
    const id = node.id;
    const hash = hashOf(id);
    const slots = this.#slots;
    const hashes = this.#hashes;
    const mask = this.#mask;
    let i = this.#home(hash);
    for (; ; i = (i + 1) & mask) {
      const other = slots[i] as RestingNode | null;
      if (other === null) break;
      if (hashes[i] === hash && other.id === id) {
        other.slot = -1;
        slots[i] = node;
        node.slot = i;
        return;
      }
    }
    slots[i] = node;
    hashes[i] = hash;
    node.slot = i;
    if (++this.#size * 2 > slots.length) this.#grow();
  }

  /** Unindexes `node` (a no-op if it is not indexed), then closes the gap: later entries of its probe run move back. */
  delete(node: RestingNode) {
    let gap = node.slot;
    const slots = this.#slots;
    if (slots[gap] !== node) return;
    node.slot = -1;
    this.#size--;
    const hashes = this.#hashes;
    const mask = this.#mask;
    for (let i = (gap + 1) & mask; ; i = (i + 1) & mask) {
      const moved = slots[i] as RestingNode | null;
      if (moved === null) break;
      // An entry may fill the gap only if its home slot is not cyclically within (gap, i].
      const home = this.#home(hashes[i] as number);
      if (gap <= i ? gap < home && home <= i : gap < home || home <= i) continue;
      slots[gap] = moved;
      hashes[gap] = hashes[i] as number;
      moved.slot = gap;
      gap = i;
    }
    slots[gap] = null;
  }

  #home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.#shift;
  }

  #grow() {
    const oldSlots = this.#slots;
    const oldHashes = this.#hashes;
    const capacity = oldSlots.length * 2;
    this.#slots = new Array(capacity).fill(null);
    this.#hashes = new Int32Array(capacity);
    this.#mask = capacity - 1;
    this.#shift--;
    const slots = this.#slots;
    const hashes = this.#hashes;
    for (let j = 0; j < oldSlots.length; j++) {
      const node = oldSlots[j] as RestingNode | null;
      if (node === null) continue;
      const hash = oldHashes[j] as number;
      let i = this.#home(hash);
      while (slots[i] !== null) i = (i + 1) & this.#mask;
      slots[i] = node;
      hashes[i] = hash;
      node.slot = i;
      oldSlots[j] = null; // the discarded array may be old-generation garbage: it must not keep orders alive
    }
  }
}

/** FNV-1a, 32 bits. Order ids are short (`o123`), so this costs a few nanoseconds. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash;
}
