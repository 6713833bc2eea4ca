import type { CancelReason, ServerMessage } from "../protocol";
import type { Rejection } from "../risk";
import type { Audience, ExchangeEffects, OrderRecord, Routed } from "./types";

const PUBLIC: Audience = Object.freeze({ kind: "public" });
const NOTHING_TOUCHED: ReadonlyMap<string, ReadonlySet<string>> = new Map();
/** One frozen audience object per account, shared by every event sent to it (fewer allocations per command). */
const accountAudiences = new Map<string, Audience>();
function audienceOf(account: string): Audience {
  let audience = accountAudiences.get(account);
  if (!audience) {
    audience = Object.freeze({ kind: "account", account });
    accountAudiences.set(account, audience);
  }
  return audience;
}

/**
 * Collects what one command causes, in order, and who receives it. One per command; never shared. Its
 * collections are created on first use: most commands touch nothing or one book.
 */
export class EffectsBuilder {
  #result: ExchangeEffects["result"] = null;
  readonly #events: Routed[] = [];
  #dirty: string[] | null = null;
  /** account → instruments whose position changed (a position update goes out once per pair, at the end). */
  #touched: Map<string, Set<string>> | null = null;

  accepted(cid: string | null, orderIds: string[]) {
    if (cid !== null) this.#result = { type: "command_result", cid, status: "accepted", orderIds };
  }

  rejected(cid: string | null, rejection: Rejection) {
    this.#result = { type: "command_result", cid, status: "rejected", ...rejection };
  }

  toAccount(account: string, msg: ServerMessage) {
    this.#events.push({ to: audienceOf(account), msg });
  }

  toPublic(msg: ServerMessage) {
    this.#events.push({ to: PUBLIC, msg });
  }

  cancelled(order: OrderRecord, reason: CancelReason) {
    this.toAccount(order.account, {
      type: "order_cancelled",
      orderId: order.orderId,
      cid: order.cid,
      instrument: order.instrument,
      side: order.side,
      price: order.price,
      source: order.source,
      remaining: order.remaining,
      reason,
    });
  }

  dirty(instrument: string) {
    if (this.#dirty === null) this.#dirty = [instrument];
    else if (!this.#dirty.includes(instrument)) this.#dirty.push(instrument);
  }

  touch(account: string, instrument: string) {
    this.#touched ??= new Map();
    let instruments = this.#touched.get(account);
    if (!instruments) {
      instruments = new Set();
      this.#touched.set(account, instruments);
    }
    instruments.add(instrument);
  }

  touched(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.#touched ?? NOTHING_TOUCHED;
  }

  build(): ExchangeEffects {
    return { result: this.#result, events: this.#events, dirty: this.#dirty ?? [] };
  }
}
