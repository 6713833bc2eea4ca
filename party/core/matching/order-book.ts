import { type OrderNode, PriceLevels } from "./price-levels";
import type { Book, BookFill, DepthLevel, IncomingOrder, MatchResult, RestingOrder } from "./types";

/**
 * The order book of one instrument: price-time priority, partial fills at the resting price, limit GTC/IOC and
 * market orders (IOC; an unfilled rest is dropped as `no_liquidity`), and self-trade prevention that cancels the
 * owner's resting order and continues. Cancel is O(1) through an id index. Owns its resting orders; nothing else
 * mutates them. Invariant: after every call the book is not crossed (best bid < best ask).
 */
export class OrderBook implements Book {
  readonly #bids = new PriceLevels(true);
  readonly #asks = new PriceLevels(false);
  readonly #byId = new Map<string, OrderNode>();

  submit(order: IncomingOrder): MatchResult {
    const fills: BookFill[] = [];
    const selfTradeCancels: RestingOrder[] = [];
    const opposite = order.side === "buy" ? this.#asks : this.#bids;
    const limit = order.type === "market" ? null : (order.price ?? 0);
    let remaining = order.quantity;

    while (remaining > 0) {
      const level = opposite.best();
      if (!level) break;
      if (limit !== null && (order.side === "buy" ? level.price > limit : level.price < limit)) break;
      const maker = level.head as OrderNode;
      if (maker.owner === order.owner) {
        opposite.unlink(maker);
        this.#byId.delete(maker.id);
        selfTradeCancels.push(view(maker));
        continue;
      }
      const quantity = Math.min(remaining, maker.remaining);
      opposite.reduce(maker, quantity);
      remaining -= quantity;
      fills.push({
        makerOrderId: maker.id,
        makerOwner: maker.owner,
        takerOrderId: order.id,
        takerOwner: order.owner,
        takerSide: order.side,
        price: level.price,
        quantity,
        makerRemaining: maker.remaining,
      });
      if (maker.remaining === 0) {
        opposite.unlink(maker);
        this.#byId.delete(maker.id);
      }
    }

    if (remaining > 0 && limit !== null && order.tif === "gtc") {
      const own = order.side === "buy" ? this.#bids : this.#asks;
      const node = own.append(order.id, order.owner, order.side, limit, remaining);
      this.#byId.set(order.id, node);
      return { fills, selfTradeCancels, remaining, rested: true, dropped: null };
    }
    const dropped = remaining === 0 ? null : order.type === "market" ? "no_liquidity" : "ioc";
    return { fills, selfTradeCancels, remaining, rested: false, dropped };
  }

  cancel(orderId: string): RestingOrder | null {
    const node = this.#byId.get(orderId);
    if (!node) return null;
    (node.side === "buy" ? this.#bids : this.#asks).unlink(node);
    this.#byId.delete(orderId);
    return view(node);
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
    return this.#bids.best()?.price ?? null;
  }

  bestAsk(): number | null {
    return this.#asks.best()?.price ?? null;
  }

  depth(levels: number): { bids: DepthLevel[]; asks: DepthLevel[] } {
    const side = (book: PriceLevels) => {
      const out: DepthLevel[] = [];
      for (const level of book.walk()) {
        if (out.length >= levels) break;
        out.push([level.price, level.total]);
      }
      return out;
    };
    return { bids: side(this.#bids), asks: side(this.#asks) };
  }

  orders(): RestingOrder[] {
    const out: RestingOrder[] = [];
    for (const book of [this.#bids, this.#asks]) {
      for (const level of book.walk()) {
        for (let node = level.head; node; node = node.next) out.push(view(node));
      }
    }
    return out;
  }
}

function view(node: OrderNode): RestingOrder {
  return { id: node.id, owner: node.owner, side: node.side, price: node.price, remaining: node.remaining };
}
