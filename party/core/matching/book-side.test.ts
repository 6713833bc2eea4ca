import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderBook } from "./order-book";
import { ReferenceBook } from "./reference-book";
import type { IncomingOrder } from "./types";

/**
 * The contract and property suites rarely build levels deep enough for a level to be compacted (cancelled orders
 * stay linked as gaps until then). Here orders pile up on two prices and most are cancelled before any taker
 * arrives, so gaps pile up, levels compact, empty and come back; the book must keep matching the reference.
 */
describe("OrderBook levels under cancel churn", () => {
  it("matches the reference book while gaps accumulate and levels compact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)), { minLength: 1_000, maxLength: 3_000 }),
        (draws) => {
          const fast = new OrderBook();
          const slow = new ReferenceBook();
          const ids: string[] = [];
          draws.forEach(([kind, pick, size], i) => {
            if (kind < 45 && ids.length > 0) {
              const [id] = ids.splice(pick % ids.length, 1);
              expect(fast.cancel(id as string)).toEqual(slow.cancel(id as string));
              return;
            }
            const taker = kind >= 99;
            const order: IncomingOrder = taker
              ? {
                  id: `t${i}`,
                  owner: `o${pick % 3}`,
                  side: "buy",
                  type: "market",
                  quantity: 1 + size,
                  tif: "ioc",
                }
              : {
                  id: `r${i}`,
                  owner: `o${pick % 3}`,
                  side: "sell",
                  type: "limit",
                  price: 100 + (pick % 2),
                  quantity: 1 + (size % 5),
                  tif: "gtc",
                };
            expect(fast.submit(order)).toEqual(slow.submit(order));
            if (!taker) ids.push(order.id);
          });
          expect(fast.orders()).toEqual(slow.orders());
          expect(fast.depth(5)).toEqual(slow.depth(5));
        },
      ),
      { seed: 20_261_124, numRuns: 25 },
    );
  });
});
