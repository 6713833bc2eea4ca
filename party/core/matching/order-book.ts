import { type OrderNode, PriceLevels } from "./price-levels";
import type { Book, BookFill, DepthLevel, IncomingOrder, MatchResult, RestingOrder } from "./types";

/** Shared empty lists for results without fills or cancels: frozen, so no caller can add to them. */
const NO_FILLS: BookFill[] = Object.freeze([]) as unknown as BookFill[];
const NO_CANCELS: RestingOrder[] = Object.freeze([]) as unknown as RestingOrder[];

/**
 * The order book of one instrument: price-time priority, partial fills at the resting price, limit GTC/IOC and
 * market orders (IOC; an unfilled rest is dropped as `no_liquidity`), and self-trade prevention that cancels the
 * owner's resting order and continues. Cancel is O(1) through an id index. Owns its resting orders; nothing else
 * mutates them. Invariant: after every call the book is not crossed (best bid < best ask).
 *
 * Hot path: one result object per submit, one fill object per match, one node per resting order; lists are
 * allocated only when something fills or is cancelled.
 */
export class OrderBook implements Book {
  readonly #bids = new PriceLevels(false);
  readonly #asks = new PriceLevels(true);
  readonly #byId = new Map<string, OrderNode>();

  submit(order: IncomingOrder): MatchResult {
    let fills = NO_FILLS;
    let selfTradeCancels = NO_CANCELS;
    const buying = order.side === "buy";
    const opposite = buying ? this.#asks : this.#bids;
    const market = order.type === "market";
    const limit = market ? 0 : (order.price ?? 0);
    let remaining = order.quantity;

    while (remaining > 0) {
      const level = opposite.best();
      if (level === null) break;
      if (!market && (buying ? level.price > limit : level.price < limit)) break;
      const maker = level.head as OrderNode;
      if (maker.owner === order.owner) {
        opposite.unlink(maker);
        this.#byId.delete(maker.id);
        if (selfTradeCancels === NO_CANCELS) selfTradeCancels = [];
        selfTradeCancels.push(view(maker));
        continue;
      }
      const quantity = Math.min(maker.remaining, remaining);
      opposite.reduce(maker, quantity);
      remaining -= quantity;
      if (fills === NO_FILLS) fills = [];
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

    if (remaining > 0 && !market && order.tif === "gtc") {
      const own = buying ? this.#bids : this.#asks;
      this.#byId.set(order.id, own.append(order.id, order.owner, order.side, limit, remaining));
      return { fills, selfTradeCancels, remaining, rested: true, dropped: null };
    }
    const dropped = remaining === 0 ? null : market ? "no_liquidity" : "ioc";
    return { fills, selfTradeCancels, remaining, rested: false, dropped };
  }

  cancel(orderId: string): RestingOrder | null {
    const node = this.#byId.get(orderId);
    if (node === undefined) return null;
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
    const side = (book: PriceLevels) =>
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
        for (let node = level.head; node; node = node.next) out.push(view(node));
      }
    }
    return out;
  }
}

function view(node: OrderNode): RestingOrder {
  return { id: node.id, owner: node.owner, side: node.side, price: node.price, remaining: node.remaining };
}
