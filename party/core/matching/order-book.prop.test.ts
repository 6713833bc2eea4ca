import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderBook } from "./order-book";
import { ReferenceBook } from "./reference-book";
import type { IncomingOrder, RestingOrder } from "./types";

/** Fixed seed: a failure prints it and reproduces exactly. */
const SEED = 20_261_124;

type Op = { kind: "order"; order: Omit<IncomingOrder, "id"> } | { kind: "cancel"; index: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      order: fc.record({
        owner: fc.constantFrom("a", "b", "c"),
        side: fc.constantFrom("buy" as const, "sell" as const),
        type: fc.constantFrom("limit" as const, "limit" as const, "limit" as const, "market" as const),
        price: fc.integer({ min: 95, max: 105 }),
        quantity: fc.integer({ min: 1, max: 20 }),
        tif: fc.constantFrom("gtc" as const, "gtc" as const, "ioc" as const),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), index: fc.nat(200) }) },
);

const total = (orders: RestingOrder[]) => orders.reduce((n, o) => n + o.remaining, 0);

describe("OrderBook against the naive ReferenceBook", () => {
  it("gives identical fills, cancels and books after every command, and keeps the invariants", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 150 }), (ops) => {
        const fast = new OrderBook();
        const slow = new ReferenceBook();
        let submitted = 0;
        let filled = 0;
        let dropped = 0;
        let cancelled = 0;
        ops.forEach((op, i) => {
          if (op.kind === "cancel") {
            const target = slow.orders()[op.index % Math.max(1, slow.orders().length)];
            if (!target) return;
            const a = fast.cancel(target.id);
            expect(a).toEqual(slow.cancel(target.id));
            cancelled += a?.remaining ?? 0;
          } else {
            const order = { ...op.order, id: `o${i}` };
            const a = fast.submit(order);
            expect(a).toEqual(slow.submit(order));
            submitted += order.quantity;
            filled += a.fills.reduce((n, f) => n + f.quantity, 0) * 2;
            cancelled += a.selfTradeCancels.reduce((n, o) => n + o.remaining, 0);
            if (!a.rested) dropped += a.remaining;
          }
          expect(fast.depth(50)).toEqual(slow.depth(50));
          expect(fast.orders()).toEqual(slow.orders());
          // Never crossed.
          const bid = fast.bestBid();
          const ask = fast.bestAsk();
          if (bid !== null && ask !== null) expect(bid).toBeLessThan(ask);
          // Quantity conserved: everything submitted is resting, filled (both sides), dropped or cancelled.
          expect(total(fast.orders()) + filled + dropped + cancelled).toBe(submitted);
        });
      }),
      { seed: SEED, numRuns: 300, verbose: 1 },
    );
  });

  it("keeps FIFO within a level: earlier orders at a price fill first", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 20 }), (sizes) => {
        const book = new OrderBook();
        sizes.forEach((q, i) => {
          book.submit({
            id: `r${i}`,
            owner: `m${i}`,
            side: "sell",
            type: "limit",
            price: 100,
            quantity: q,
            tif: "gtc",
          });
        });
        const take = book.submit({
          id: "t",
          owner: "taker",
          side: "buy",
          type: "market",
          quantity: 1_000,
          tif: "ioc",
        });
        expect(take.fills.map((f) => f.makerOrderId)).toEqual(sizes.map((_, i) => `r${i}`));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
