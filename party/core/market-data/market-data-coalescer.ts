import type { DepthLevel } from "../matching";
import type { Level, ServerMessage } from "../protocol";

type Depth = { bids: readonly DepthLevel[]; asks: readonly DepthLevel[] };

/**
 * Public market data, coalesced: commands only mark what changed; `flush` (called by the room at most 20 times a
 * second) turns it into one batch for everyone — the trades in order, the latest indicative auction price per
 * instrument, and one L2 delta per changed book (levels whose quantity changed; 0 removes a level). So fan-out
 * grows with time and connections, not with orders × connections. Transport state only: after a restart clients
 * get a fresh snapshot, so nothing here is journalled.
 */
export class MarketDataCoalescer {
  #trades: ServerMessage[] = [];
  readonly #indicative = new Map<string, ServerMessage>();
  readonly #dirty = new Set<string>();
  readonly #published = new Map<string, Depth>();

  constructor(private readonly levels = 10) {}

  /** Records what one command published. Trades keep their order; an indicative price replaces the previous one. */
  note(publicMessages: readonly ServerMessage[], dirty: readonly string[]) {
    for (const msg of publicMessages) {
      if (msg.type === "auction_indicative") this.#indicative.set(msg.instrument, msg);
      else this.#trades.push(msg);
    }
    for (const instrument of dirty) this.#dirty.add(instrument);
  }

  get pending(): boolean {
    return this.#trades.length > 0 || this.#indicative.size > 0 || this.#dirty.size > 0;
  }

  /** The batch to broadcast now (empty when nothing changed). */
  flush(depthOf: (instrument: string, levels: number) => Depth): ServerMessage[] {
    const out: ServerMessage[] = [...this.#trades, ...this.#indicative.values()];
    this.#trades = [];
    this.#indicative.clear();
    for (const instrument of [...this.#dirty].sort()) {
      const next = depthOf(instrument, this.levels);
      const before = this.#published.get(instrument) ?? { bids: [], asks: [] };
      const bids = changed(before.bids, next.bids);
      const asks = changed(before.asks, next.asks);
      this.#published.set(instrument, next);
      if (bids.length > 0 || asks.length > 0) out.push({ type: "book_delta", instrument, bids, asks });
    }
    this.#dirty.clear();
    return out;
  }

  /** The depth last published for an instrument (what a client that applied every delta shows). */
  published(instrument: string): Depth {
    return this.#published.get(instrument) ?? { bids: [], asks: [] };
  }
}

/** Levels that differ between two depth views: new or changed quantities, and removed prices as quantity 0. */
export function changed(before: readonly DepthLevel[], after: readonly DepthLevel[]): Level[] {
  const old = new Map(before.map(([p, q]) => [p, q]));
  const out: Level[] = [];
  for (const [price, quantity] of after) {
    if (old.get(price) !== quantity) out.push([price, quantity]);
    old.delete(price);
  }
  for (const price of old.keys()) out.push([price, 0]);
  return out;
}
