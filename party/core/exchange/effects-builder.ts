import type { CancelReason, ServerMessage } from "../protocol";
import type { Rejection } from "../risk";
import type { ExchangeEffects, OrderRecord, Routed } from "./types";

/** Collects what one command causes, in order, and who receives it. One per command; never shared. */
export class EffectsBuilder {
  #result: ExchangeEffects["result"] = null;
  readonly #events: Routed[] = [];
  readonly #dirty = new Set<string>();
  /** account → instruments whose position changed (a position update goes out once per pair, at the end). */
  readonly #touched = new Map<string, Set<string>>();

  accepted(cid: string | null, orderIds: string[]) {
    if (cid !== null) this.#result = { type: "command_result", cid, status: "accepted", orderIds };
  }

  rejected(cid: string | null, rejection: Rejection) {
    this.#result = { type: "command_result", cid, status: "rejected", ...rejection };
  }

  toAccount(account: string, msg: ServerMessage) {
    this.#events.push({ to: { kind: "account", account }, msg });
  }

  toPublic(msg: ServerMessage) {
    this.#events.push({ to: { kind: "public" }, msg });
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
    this.#dirty.add(instrument);
  }

  touch(account: string, instrument: string) {
    let instruments = this.#touched.get(account);
    if (!instruments) {
      instruments = new Set();
      this.#touched.set(account, instruments);
    }
    instruments.add(instrument);
  }

  touched(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.#touched;
  }

  build(): ExchangeEffects {
    return { result: this.#result, events: this.#events, dirty: [...this.#dirty] };
  }
}
