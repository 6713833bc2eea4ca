import type { Exposure } from "../risk";
import type { OrderRecord } from "./types";

type OpenQuantity = { buy: number; sell: number };

/**
 * Every open order with what the book does not keep (account, client id, source, arrival), plus running totals the
 * risk check needs in O(1): open quantity per account, instrument and side, and each account's market-maker quote
 * per instrument. Owns the records; the books own priority.
 */
export class OrderRegistry {
  readonly #orders = new Map<string, OrderRecord>();
  readonly #open = new Map<string, Map<string, OpenQuantity>>();
  /** account → instrument → order ids of its current quote (bid, ask). */
  readonly #quotes = new Map<string, Map<string, string[]>>();

  add(order: OrderRecord) {
    this.#orders.set(order.orderId, order);
    const open = this.#openOf(order.account, order.instrument);
    open[order.side] += order.remaining;
    if (order.quote) {
      let byInstrument = this.#quotes.get(order.account);
      if (!byInstrument) {
        byInstrument = new Map();
        this.#quotes.set(order.account, byInstrument);
      }
      const ids = byInstrument.get(order.instrument) ?? [];
      ids.push(order.orderId);
      byInstrument.set(order.instrument, ids);
    }
  }

  get(orderId: string): OrderRecord | undefined {
    return this.#orders.get(orderId);
  }

  /** Reduces an order by a fill; removes it when nothing remains. */
  reduce(orderId: string, quantity: number): OrderRecord | undefined {
    const order = this.#orders.get(orderId);
    if (!order) return undefined;
    order.remaining -= quantity;
    this.#openOf(order.account, order.instrument)[order.side] -= quantity;
    if (order.remaining <= 0) this.#forget(order);
    return order;
  }

  /** Removes an order (cancelled or filled); returns it as it was. */
  remove(orderId: string): OrderRecord | undefined {
    const order = this.#orders.get(orderId);
    if (!order) return undefined;
    this.#openOf(order.account, order.instrument)[order.side] -= order.remaining;
    this.#forget(order);
    return order;
  }

  /** The account's open orders, optionally on one instrument, in arrival order. */
  ofAccount(account: string, instrument?: string): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const order of this.#orders.values()) {
      if (order.account === account && (instrument === undefined || order.instrument === instrument))
        out.push(order);
    }
    return out;
  }

  all(): IterableIterator<OrderRecord> {
    return this.#orders.values();
  }

  quoteOf(account: string, instrument: string): readonly string[] {
    return this.#quotes.get(account)?.get(instrument) ?? [];
  }

  /** Position and open quantity on one instrument, leaving out the given orders (a quote about to be replaced). */
  exposure(account: string, instrument: string, position: number, without: readonly string[] = []): Exposure {
    const open = this.#open.get(account)?.get(instrument) ?? { buy: 0, sell: 0 };
    let openBuy = open.buy;
    let openSell = open.sell;
    for (const id of without) {
      const order = this.#orders.get(id);
      if (!order) continue;
      if (order.side === "buy") openBuy -= order.remaining;
      else openSell -= order.remaining;
    }
    return { position, openBuy, openSell };
  }

  /** Instruments on which the account has open orders. */
  instrumentsWithOrders(account: string): string[] {
    const byInstrument = this.#open.get(account);
    if (!byInstrument) return [];
    const out: string[] = [];
    for (const [instrument, open] of byInstrument) if (open.buy > 0 || open.sell > 0) out.push(instrument);
    return out;
  }

  #forget(order: OrderRecord) {
    this.#orders.delete(order.orderId);
    if (!order.quote) return;
    const byInstrument = this.#quotes.get(order.account);
    const ids = byInstrument?.get(order.instrument);
    if (!byInstrument || !ids) return;
    const rest = ids.filter((id) => id !== order.orderId);
    if (rest.length === 0) byInstrument.delete(order.instrument);
    else byInstrument.set(order.instrument, rest);
  }

  #openOf(account: string, instrument: string): OpenQuantity {
    let byInstrument = this.#open.get(account);
    if (!byInstrument) {
      byInstrument = new Map();
      this.#open.set(account, byInstrument);
    }
    let open = byInstrument.get(instrument);
    if (!open) {
      open = { buy: 0, sell: 0 };
      byInstrument.set(instrument, open);
    }
    return open;
  }
}
