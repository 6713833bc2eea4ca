import { BookIndex } from "./book-index";
import { NO_CANCELS, NO_FILLS, quietResult } from "./book-results";
import { BookSide, type RestingNode } from "./book-side";
import type { Book, BookFill, DepthLevel, IncomingOrder, MatchResult, RestingOrder } from "./types";

/**
 * The order book of one instrument: price-time priority, partial fills at the resting price, limit GTC/IOC and
 * market orders (IOC; an unfilled rest is dropped as `no_liquidity`), and self-trade prevention that cancels the
 * owner's resting order and continues. Cancel is O(1) through an id index. Owns its resting orders; nothing else
 * mutates them, and nothing it returns is changed afterwards. Invariant: after every call the book is not crossed
 * (best bid < best ask).
 *
 * Hot path, by allocation: a passive add allocates only its resting order (its result is shared, see
 * `quietResult`); a cancel only the view it returns; a taking order its fills, their list and its result.
 */
export class OrderBook implements Book {
  readonly #bids = new BookSide(true);
  readonly #asks = new BookSide(false);
  readonly #byId = new BookIndex();

  submit(order: IncomingOrder): MatchResult {
    const buying = order.side === "buy";
    const market = order.type === "market";
    const limit = market ? 0 : (order.price ?? 0);
    const owner = order.owner;
    const opposite = buying ? this.#asks : this.#bids;
    let remaining = order.quantity;
    // Lists start as the shared empty ones and are allocated on first use: a young list takes young fills without
    // the write barrier's slow path that a long-lived scratch list paid on every fill.
    let fills = NO_FILLS;
    let cancels = NO_CANCELS;

    while (remaining > 0) {
      const level = opposite.best;
      if (level === null) break;
      const price = opposite.bestPrice;
      if (!market && (buying ? price > limit : price < limit)) break;
      // live > 0, so a live order follows every gap and the walk cannot run off the end before it stops.
      let maker = level.head as RestingNode;
      let head: RestingNode | null = maker;
      for (;;) {
        if (maker.remaining === 0) {
          level.gaps--; // cancelled earlier
        } else if (maker.owner === owner) {
          if (cancels === NO_CANCELS) cancels = [view(maker)];
          else cancels.push(view(maker));
          this.#byId.delete(maker);
          level.live--;
          level.total -= maker.remaining;
          maker.remaining = 0;
        } else {
          const quantity = Math.min(maker.remaining, remaining);
          maker.remaining -= quantity;
          level.total -= quantity;
          remaining -= quantity;
          const fill: BookFill = {
            makerOrderId: maker.id,
            makerOwner: maker.owner,
            takerOrderId: order.id,
            takerOwner: owner,
            takerSide: order.side,
            price,
            quantity,
            makerRemaining: maker.remaining,
          };
          if (fills === NO_FILLS) fills = [fill];
          else fills.push(fill);
          if (maker.remaining > 0) break; // the taker is done; this maker stays at the head
          this.#byId.delete(maker);
          level.live--;
        }
        // Unlink what matching passed: a finished order that reached the old generation would otherwise keep its
        // young successors alive through young-generation collections until the next full one.
        head = maker.next;
        maker.next = null;
        if (level.live === 0 || remaining === 0) break;
        maker = head as RestingNode;
      }
      // An emptied level goes and matching goes on behind it; a level left with live orders stopped the taker.
      if (level.live === 0) {
        opposite.dropBest();
        continue;
      }
      level.head = head;
      break;
    }

    let rested = false;
    if (remaining > 0 && !market && order.tif === "gtc") {
      this.#byId.add((buying ? this.#bids : this.#asks).rest(order.id, owner, limit, remaining));
      rested = true;
    }
    const dropped = rested || remaining === 0 ? null : market ? "no_liquidity" : "ioc";
    if (fills === NO_FILLS && cancels === NO_CANCELS && remaining > 0) return quietResult(remaining, dropped);
    return {
      fills,
      selfTradeCancels: cancels,
      remaining,
      rested,
      dropped,
    };
  }

  cancel(orderId: string): RestingOrder | null {
    const node = this.#byId.get(orderId);
    if (node === undefined) return null;
    const out = view(node);
    this.#byId.delete(node);
    (node.level.buy ? this.#bids : this.#asks).remove(node);
    return out;
  }

  cancelOwner(owner: string): RestingOrder[] {
    const mine = this.orders().filter((o) => o.owner === owner);
    for (const o of mine) this.cancel(o.id);
    return mine;
  }

  get(orderId: string): RestingOrder | null {
    const node = this.#byId.get(orderId);
    return node ? view(node) : null;
  }

  bestBid(): number | null {
    return this.#bids.best === null ? null : this.#bids.bestPrice;
  }

  bestAsk(): number | null {
    return this.#asks.best === null ? null : this.#asks.bestPrice;
  }

  depth(levels: number): { bids: DepthLevel[]; asks: DepthLevel[] } {
    const side = (book: BookSide) =>
      book
        .bestFirst()
        .slice(0, levels)
        .map((level): DepthLevel => [level.price, level.total]);
    return { bids: side(this.#bids), asks: side(this.#asks) };
  }

  orders(): RestingOrder[] {
    const out: RestingOrder[] = [];
    for (const book of [this.#bids, this.#asks]) {
      for (const level of book.bestFirst()) {
        for (let node = level.head; node !== null; node = node.next) {
          if (node.remaining > 0) out.push(view(node));
        }
      }
    }
    return out;
  }
}

/** What callers see of a resting order: a copy, since the node changes as it fills. */
function view(node: RestingNode): RestingOrder {
  const { level } = node;
  return {
    id: node.id,
    owner: node.owner,
    side: level.buy ? "buy" : "sell",
    price: level.price,
    remaining: node.remaining,
  };
}
