import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookIndex } from "./book-index";
import type { Level, RestingNode } from "./book-side";

const level: Level = { buy: true, price: 1, head: null, tail: null, live: 0, gaps: 0, total: 0 };
const node = (id: string): RestingNode => ({ id, owner: "o", remaining: 1, level, next: null, hash: 0 });

describe("BookIndex", () => {
  it("agrees with a Map through inserts, deletes and growth", () => {
    fc.assert(
      fc.property(
        // Long runs over few ids, so tables grow and probe runs form and close again.
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 })), {
          minLength: 300,
          maxLength: 1_500,
        }),
        (ops) => {
          const index = new BookIndex();
          const model = new Map<string, RestingNode>();
          for (const [insert, n] of ops) {
            const id = n % 3 === 0 ? `o${n}` : String(n);
            const present = model.get(id);
            if (insert && present === undefined) {
              const created = node(id);
              index.add(created);
              model.set(id, created);
            } else if (!insert && present !== undefined) {
              index.delete(present);
              model.delete(id);
            }
            expect(index.size).toBe(model.size);
          }
          for (let n = 0; n <= 200; n++) {
            for (const id of [`o${n}`, String(n)]) expect(index.get(id)).toBe(model.get(id));
          }
        },
      ),
      { seed: 20_261_124, numRuns: 60 },
    );
  });

  it("replaces an order indexed under the same id, and deleting the replaced one is a no-op", () => {
    const index = new BookIndex();
    const first = node("a");
    const second = node("a");
    index.add(first);
    index.add(second);
    expect(index.get("a")).toBe(second);
    index.delete(first);
    expect(index.get("a")).toBe(second);
    expect(index.size).toBe(1);
  });
});
