import type { Book, BookFill, DepthLevel, IncomingOrder, MatchResult, RestingOrder, Side } from "./types";

type Entry = { id: string; owner: string; side: Side; price: number; remaining: number; seq: number };

/**
 * A deliberately naive book: one array, sorted on every read. Slow and obviously right; the fast book is tested
 * against it.
 */
export class ReferenceBook implements Book {
  #entries: Entry[] = [];
  #seq = 0;

  submit(order: IncomingOrder): MatchResult {
    const fills: BookFill[] = [];
    const selfTradeCancels: RestingOrder[] = [];
    let remaining = order.quantity;
    const crosses = (e: Entry) =>
      order.type === "market" ||
      (order.side === "buy" ? e.price <= (order.price ?? 0) : e.price >= (order.price ?? 0));
    for (;;) {
      if (remaining === 0) break;
      const opposite = this.#sorted(order.side === "buy" ? "sell" : "buy");
      const best = opposite[0];
      if (!best || !crosses(best)) break;
      if (best.owner === order.owner) {
        this.#entries = this.#entries.filter((e) => e !== best);
        selfTradeCancels.push(view(best));
        continue;
      }
      const quantity = Math.min(remaining, best.remaining);
      best.remaining -= quantity;
      remaining -= quantity;
      fills.push({
        makerOrderId: best.id,
        makerOwner: best.owner,
        takerOrderId: order.id,
        takerOwner: order.owner,
        takerSide: order.side,
        price: best.price,
        quantity,
        makerRemaining: best.remaining,
      });
      if (best.remaining === 0) this.#entries = this.#entries.filter((e) => e !== best);
    }
    if (remaining > 0 && order.type === "limit" && order.tif === "gtc") {
      this.#entries.push({ ...order, price: order.price ?? 0, remaining, seq: this.#seq++ });
      return { fills, selfTradeCancels, remaining, rested: true, dropped: null };
    }
    const dropped = remaining === 0 ? null : order.type === "market" ? "no_liquidity" : "ioc";
    return { fills, selfTradeCancels, remaining, rested: false, dropped };
  }

  cancel(orderId: string): RestingOrder | null {
    const found = this.#entries.find((e) => e.id === orderId);
    if (!found) return null;
    this.#entries = this.#entries.filter((e) => e !== found);
    return view(found);
  }

  cancelOwner(owner: string): RestingOrder[] {
    const mine = this.orders().filter((o) => o.owner === owner);
    this.#entries = this.#entries.filter((e) => e.owner !== owner);
    return mine;
  }

  get(orderId: string): RestingOrder | null {
    const found = this.#entries.find((e) => e.id === orderId);
    return found ? view(found) : null;
  }

  bestBid(): number | null {
    return this.#sorted("buy")[0]?.price ?? null;
  }

  bestAsk(): number | null {
    return this.#sorted("sell")[0]?.price ?? null;
  }

  depth(levels: number): { bids: DepthLevel[]; asks: DepthLevel[] } {
    const side = (s: Side) => {
      const out: [number, number][] = [];
      for (const e of this.#sorted(s)) {
        const last = out.at(-1);
        if (last && last[0] === e.price) last[1] += e.remaining;
        else out.push([e.price, e.remaining]);
      }
      return out.slice(0, levels);
    };
    return { bids: side("buy"), asks: side("sell") };
  }

  orders(): RestingOrder[] {
    return [...this.#sorted("buy"), ...this.#sorted("sell")].map(view);
  }

  #sorted(side: Side): Entry[] {
    return this.#entries
      .filter((e) => e.side === side)
      .sort((a, b) => (side === "buy" ? b.price - a.price : a.price - b.price) || a.seq - b.seq);
  }
}

function view(e: Entry): RestingOrder {
  return { id: e.id, owner: e.owner, side: e.side, price: e.price, remaining: e.remaining };
}
