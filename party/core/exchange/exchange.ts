import { Ledger } from "../ledger";
import { type BookFill, type DepthLevel, type MatchResult, OrderBook, type RestingOrder } from "../matching";
import { type Phase, transition } from "../phases";
import type { OpenOrder, PnlView, PositionView } from "../protocol";
import { type OrderRequest, type Rejection, TokenBucket, validateOrder, worstCase } from "../risk";
import { stateHash } from "../room-engine/state-hash";
import { openOrderView, pnlView, positionView, positionViews } from "./account-views";
import { allocateAuction, indicative } from "./auction-allocation";
import { EffectsBuilder } from "./effects-builder";
import { ExposureTracker } from "./exposure-tracker";
import { markOf } from "./marks";
import { OrderRegistry } from "./order-registry";
import type { ExchangeCommand, ExchangeConfig, ExchangeEffects, ExchangeState, OrderRecord } from "./types";

type Place = Extract<ExchangeCommand, { type: "place" }>;
type Quote = Extract<ExchangeCommand, { type: "quote" }>;

const UNKNOWN_ACCOUNT: Rejection = {
  code: "UNKNOWN_ACCOUNT",
  message: "Your team has no trading account in this game yet: ask the instructor to assign a role.",
};
const CANCEL_FAILED: Rejection = { code: "CANCEL_FAILED", message: "Cancel failed: order not found." };

/**
 * The exchange: one `handle(command) → effects` runs validate → match → settle → publish synchronously. The
 * stages are calls into services that own their state: the risk check (`validateOrder`, token buckets), the books
 * (`OrderBook` per instrument), the order registry and the ledger (the only writer of cash and positions).
 * Deterministic: time arrives in the commands, ids are counters, and `snapshot()` is plain JSON that `new
 * Exchange(config, state)` restores to the same `hash()`.
 */
export class Exchange {
  #phase: Phase = "closed";
  #nextOrder = 1;
  #nextTrade = 1;
  readonly #listed = new Set<string>();
  readonly #books = new Map<string, OrderBook>();
  readonly #registry = new OrderRegistry();
  readonly #exposure = new ExposureTracker();
  readonly #held = new Map<string, Map<string, OrderRecord>>();
  readonly #ledger: Ledger;
  readonly #buckets: TokenBucket;
  readonly #references = new Map<string, number>();
  readonly #lastTrade = new Map<string, number>();

  constructor(
    private readonly config: ExchangeConfig,
    state?: ExchangeState,
  ) {
    this.#ledger = new Ledger(config.fees, state?.ledger);
    this.#buckets = new TokenBucket(config.rate);
    for (const symbol of state?.listed ?? config.instruments) this.#list(symbol);
    if (state) this.#restore(state);
  }

  handle(command: ExchangeCommand): ExchangeEffects {
    const out = new EffectsBuilder();
    switch (command.type) {
      case "open_account":
        this.#ledger.open(command.account, command.role);
        break;
      case "place":
        this.#place(command, out);
        break;
      case "quote":
        this.#quote(command, out);
        break;
      case "cancel":
        this.#cancel(command.account, command.cid, command.orderId, out);
        break;
      case "cancel_all":
        this.#cancelAll(command.account, command.cid, command.instrument, out);
        break;
      case "cancel_quote":
        this.#cancelQuote(command.account, command.cid, command.instrument, out);
        break;
      case "set_phase":
        this.#setPhase(command.phase, command.at, out);
        break;
      case "set_reference":
        for (const [symbol, price] of Object.entries(command.prices)) this.#references.set(symbol, price);
        break;
      case "settle":
        this.#settle(command.instrument, command.intrinsicTicks, out);
        break;
    }
    this.#publishPositions(out);
    return out.build();
  }

  // ── Commands: each is its stages in order ────────────────────────────────────────────────────────────────────

  #place(command: Place, out: EffectsBuilder) {
    const request: OrderRequest =
      command.orderType === "market"
        ? { kind: "market", instrument: command.instrument, side: command.side, quantity: command.quantity }
        : {
            kind: "limit",
            instrument: command.instrument,
            side: command.side,
            price: command.price,
            quantity: command.quantity,
          };
    const rejection = this.#validate(command.account, request, command.rateAt ?? command.at, []);
    if (rejection) return out.rejected(command.cid, rejection);
    const order = this.#newOrder(command, command.side, command.price ?? 0, command.quantity, false);
    out.accepted(command.cid, [order.orderId]);
    this.#enter(order, command.orderType === "market" ? "market" : command.tif, out);
  }

  #quote(command: Quote, out: EffectsBuilder) {
    const previous = this.#registry.quoteOf(command.account, command.instrument);
    const request: OrderRequest = {
      kind: "quote",
      instrument: command.instrument,
      bid: command.bid,
      ask: command.ask,
    };
    const rejection = this.#validate(command.account, request, command.rateAt ?? command.at, previous);
    if (rejection) return out.rejected(command.cid, rejection);
    for (const id of [...previous]) this.#cancelOne(id, "replaced", out);
    const bid = this.#newOrder(command, "buy", command.bid.price, command.bid.quantity, true);
    const ask = this.#newOrder(command, "sell", command.ask.price, command.ask.quantity, true);
    out.accepted(command.cid, [bid.orderId, ask.orderId]);
    this.#enter(bid, "gtc", out);
    this.#enter(ask, "gtc", out);
  }

  #cancel(account: string, cid: string | null, orderId: string, out: EffectsBuilder) {
    const phase = this.#admitsCancel();
    if (phase) return out.rejected(cid, phase);
    const order = this.#registry.get(orderId);
    // Another team's order id gets the same answer as a missing one: ids reveal nothing.
    if (!order || order.account !== account) return out.rejected(cid, CANCEL_FAILED);
    this.#cancelOne(orderId, "user_requested", out);
    out.accepted(cid, [orderId]);
  }

  #cancelAll(account: string, cid: string | null, instrument: string | undefined, out: EffectsBuilder) {
    const phase = this.#admitsCancel();
    if (phase) return out.rejected(cid, phase);
    const ids = this.#registry.ofAccount(account, instrument).map((o) => o.orderId);
    for (const id of ids) this.#cancelOne(id, "user_requested", out);
    out.accepted(cid, ids);
  }

  #cancelQuote(account: string, cid: string | null, instrument: string, out: EffectsBuilder) {
    const phase = this.#admitsCancel();
    if (phase) return out.rejected(cid, phase);
    const ids = [...this.#registry.quoteOf(account, instrument)];
    for (const id of ids) this.#cancelOne(id, "user_requested", out);
    out.accepted(cid, ids);
  }

  #setPhase(phase: Phase, at: number, out: EffectsBuilder) {
    const actions = transition(this.#phase, phase);
    this.#phase = phase;
    for (const action of actions) {
      if (action === "run_auction") this.#runAuctions(at, out);
      else for (const order of [...this.#registry.all()]) this.#cancelOne(order.orderId, "session_end", out);
    }
  }

  #settle(instrument: string, intrinsicTicks: number, out: EffectsBuilder) {
    for (const order of [...this.#registry.all()]) {
      if (order.instrument === instrument) this.#cancelOne(order.orderId, "expired", out);
    }
    for (const { accountId } of this.#ledger.settle(instrument, intrinsicTicks))
      out.touch(accountId, instrument);
    this.#listed.delete(instrument);
    this.#books.delete(instrument);
    out.dirty(instrument);
  }

  // ── Stages ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Validate: the account's role limits against its worst-case exposure (a replaced quote's sides left out). */
  #validate(
    account: string,
    order: OrderRequest,
    at: number,
    replacing: readonly string[],
  ): Rejection | null {
    const role = this.#ledger.role(account);
    if (role === null) return UNKNOWN_ACCOUNT;
    return validateOrder(order, {
      phase: this.#phase,
      limits: this.config.limits[role],
      listed: this.#listed,
      exposure: this.#registry.exposure(
        account,
        order.instrument,
        this.#ledger.position(account, order.instrument),
        replacing,
      ),
      otherExposure: this.#exposure.others(account, order.instrument),
      bucket: this.#buckets,
      team: account,
      nowMs: at,
      priceBand: this.config.priceBand,
    });
  }

  /** Match: in pre-open the order is held for the auction; otherwise it meets the book. */
  #enter(order: OrderRecord, tif: "gtc" | "ioc" | "market", out: EffectsBuilder) {
    if (this.#phase === "pre_open") return this.#hold(order, out);
    const book = this.#books.get(order.instrument) as OrderBook;
    const result = book.submit({
      id: order.orderId,
      owner: order.account,
      side: order.side,
      type: tif === "market" ? "market" : "limit",
      price: order.price,
      quantity: order.remaining,
      tif: tif === "market" ? "ioc" : tif,
    });
    this.#settleMatch(order, result, out);
  }

  /** Settle: the ledger books both sides of every fill; the registry follows the book; events are published. */
  #settleMatch(taker: OrderRecord, result: MatchResult, out: EffectsBuilder) {
    // Index loops: `for…of` allocates an iterator per list per command on this hot path.
    for (let i = 0; i < result.selfTradeCancels.length; i++) {
      const cancelled = result.selfTradeCancels[i] as RestingOrder;
      const order = this.#remove(cancelled.id);
      if (order) out.cancelled(order, "self_trade");
    }
    for (let i = 0; i < result.fills.length; i++) this.#bookFill(taker, result.fills[i] as BookFill, out);
    if (result.fills.length > 0 || result.rested || result.selfTradeCancels.length > 0)
      out.dirty(taker.instrument);
    if (result.rested) {
      this.#add(taker);
      out.toAccount(taker.account, { type: "order_resting", order: openOrderView(taker) });
    } else if (result.dropped) {
      out.cancelled(taker, "no_liquidity");
    }
  }

  #bookFill(taker: OrderRecord, fill: BookFill, out: EffectsBuilder) {
    const maker = this.#reduce(fill.makerOrderId, fill.quantity);
    if (!maker) throw new Error(`exchange: fill against unknown order ${fill.makerOrderId}`);
    taker.remaining -= fill.quantity;
    const tradeId = `t${this.#nextTrade++}`;
    this.#fillSide(maker, tradeId, fill.price, fill.quantity, "maker", taker.at, out);
    this.#fillSide(taker, tradeId, fill.price, fill.quantity, "taker", taker.at, out);
    this.#print(tradeId, taker.instrument, fill.price, fill.quantity, taker.side, taker.at, out);
  }

  #fillSide(
    order: OrderRecord,
    tradeId: string,
    price: number,
    quantity: number,
    liquidity: "maker" | "taker" | "auction",
    at: number,
    out: EffectsBuilder,
  ) {
    const { feeCents } = this.#ledger.applyFill({
      accountId: order.account,
      instrument: order.instrument,
      side: order.side,
      price,
      quantity,
      liquidity,
    });
    this.#refresh(order.account, order.instrument);
    out.toAccount(order.account, {
      type: "fill",
      tradeId,
      orderId: order.orderId,
      cid: order.cid,
      instrument: order.instrument,
      side: order.side,
      price,
      quantity,
      remaining: order.remaining,
      feeCents,
      liquidity,
      source: order.source,
      at,
    });
    out.touch(order.account, order.instrument);
  }

  #print(
    tradeId: string,
    instrument: string,
    price: number,
    quantity: number,
    aggressor: "buy" | "sell" | null,
    at: number,
    out: EffectsBuilder,
  ) {
    this.#lastTrade.set(instrument, price);
    out.toPublic({ type: "trade", tradeId, instrument, price, quantity, aggressor, at });
  }

  #hold(order: OrderRecord, out: EffectsBuilder) {
    order.held = true;
    this.#add(order);
    this.#heldOf(order.instrument).set(order.orderId, order);
    out.toAccount(order.account, { type: "order_resting", order: openOrderView(order) });
    this.#publishIndicative(order.instrument, out);
  }

  /** Opening auction for every instrument with held orders; leftovers then enter the book in arrival order. */
  #runAuctions(at: number, out: EffectsBuilder) {
    const instruments = [...this.#held.keys()].sort();
    for (const instrument of instruments) {
      const held = [...(this.#held.get(instrument)?.values() ?? [])];
      this.#held.delete(instrument);
      const auction = allocateAuction(held, this.#reference(instrument));
      for (const order of auction?.selfTrade ?? []) {
        this.#remove(order.orderId);
        out.cancelled(order, "self_trade");
      }
      for (const { buy, sell, quantity } of auction?.matches ?? []) {
        const price = auction?.clearing.price as number;
        const tradeId = `t${this.#nextTrade++}`;
        for (const side of [buy, sell]) {
          this.#reduce(side.orderId, quantity);
          side.remaining = Math.max(0, side.remaining);
          this.#fillSide(side, tradeId, price, quantity, "auction", at, out);
        }
        this.#print(tradeId, instrument, price, quantity, null, at, out);
      }
      out.toPublic({ type: "auction_indicative", instrument, price: null, volume: 0 });
      for (const order of held) {
        if (order.remaining <= 0 || !this.#registry.get(order.orderId)) continue;
        this.#remove(order.orderId);
        order.held = false;
        this.#enter(order, "gtc", out);
      }
      out.dirty(instrument);
    }
  }

  // ── Services used by the stages ───────────────────────────────────────────────────────────────────────────────

  /** Registry writes go through these three, so the exposure totals follow every change of open quantity. */
  #add(order: OrderRecord) {
    this.#registry.add(order);
    this.#refresh(order.account, order.instrument);
  }

  #reduce(orderId: string, quantity: number): OrderRecord | undefined {
    const order = this.#registry.reduce(orderId, quantity);
    if (order) this.#refresh(order.account, order.instrument);
    return order;
  }

  #remove(orderId: string): OrderRecord | undefined {
    const order = this.#registry.remove(orderId);
    if (order) this.#refresh(order.account, order.instrument);
    return order;
  }

  #refresh(account: string, instrument: string) {
    const position = this.#ledger.position(account, instrument);
    this.#exposure.update(account, instrument, this.#registry.exposure(account, instrument, position));
  }

  #cancelOne(orderId: string, reason: Parameters<EffectsBuilder["cancelled"]>[1], out: EffectsBuilder) {
    const order = this.#remove(orderId);
    if (!order) return;
    if (order.held) {
      this.#held.get(order.instrument)?.delete(orderId);
      this.#publishIndicative(order.instrument, out);
    } else {
      this.#books.get(order.instrument)?.cancel(orderId);
      out.dirty(order.instrument);
    }
    out.cancelled(order, reason);
  }

  #admitsCancel(): Rejection | null {
    if (this.#phase === "closed")
      return { code: "MARKET_CLOSED", message: "The market is closed: orders and cancels open at pre-open." };
    if (this.#phase === "opening_auction")
      return {
        code: "PHASE_NOT_ALLOWED",
        message: "The opening auction is running: cancels are back in a moment.",
      };
    return null;
  }

  #newOrder(
    command: Place | Quote,
    side: "buy" | "sell",
    price: number,
    quantity: number,
    quote: boolean,
  ): OrderRecord {
    const arrival = this.#nextOrder++;
    return {
      orderId: `o${arrival}`,
      account: command.account,
      cid: command.cid,
      instrument: command.instrument,
      side,
      price,
      quantity,
      remaining: quantity,
      source: command.source,
      at: command.at,
      arrival,
      held: false,
      quote,
    };
  }

  #publishIndicative(instrument: string, out: EffectsBuilder) {
    const held = [...(this.#held.get(instrument)?.values() ?? [])];
    const clearing = indicative(held, this.#reference(instrument));
    out.toPublic({
      type: "auction_indicative",
      instrument,
      price: clearing?.price ?? null,
      volume: clearing?.volume ?? 0,
    });
  }

  /** One position update per account and instrument the command touched, with the account's P&L. */
  #publishPositions(out: EffectsBuilder) {
    for (const [account, instruments] of out.touched()) {
      const pnl = this.#ledger.pnl(account, (instrument) => this.mark(instrument));
      for (const instrument of instruments) {
        const mark = this.mark(instrument);
        const position = positionView(this.#ledger.holding(account, instrument, mark), mark);
        out.toAccount(account, { type: "position", position, pnl });
      }
    }
  }

  #reference(instrument: string): number {
    return this.#references.get(instrument) ?? this.#lastTrade.get(instrument) ?? 0;
  }

  #marksFor(account: string): Record<string, number> {
    const marks: Record<string, number> = {};
    for (const instrument of this.#ledger.instruments(account)) {
      const mark = this.mark(instrument);
      if (mark !== null) marks[instrument] = mark;
    }
    return marks;
  }

  #heldOf(instrument: string): Map<string, OrderRecord> {
    let held = this.#held.get(instrument);
    if (!held) {
      held = new Map();
      this.#held.set(instrument, held);
    }
    return held;
  }

  #list(symbol: string) {
    this.#listed.add(symbol);
    this.#books.set(symbol, new OrderBook());
  }

  // ── Reads for the room, the views and the tests ───────────────────────────────────────────────────────────────

  get phase(): Phase {
    return this.#phase;
  }

  listed(): string[] {
    return [...this.#listed];
  }

  hasAccount(account: string): boolean {
    return this.#ledger.has(account);
  }

  accounts(): string[] {
    return this.#ledger.accounts();
  }

  /** Mark (DECISIONS.md): the mid when two-sided and tight, else the theoretical value, else the last trade. */
  mark(instrument: string): number | null {
    const book = this.#books.get(instrument);
    return markOf({
      bid: book?.bestBid() ?? null,
      ask: book?.bestAsk() ?? null,
      reference: this.#references.get(instrument) ?? null,
      lastTrade: this.#lastTrade.get(instrument) ?? null,
      maxSpreadBp: this.config.markMaxSpreadBp,
    });
  }

  /** The model's theoretical value (the last `set_reference`), or null. */
  theo(instrument: string): number | null {
    return this.#references.get(instrument) ?? null;
  }

  depth(instrument: string, levels: number): { bids: DepthLevel[]; asks: DepthLevel[] } {
    return this.#books.get(instrument)?.depth(levels) ?? { bids: [], asks: [] };
  }

  openOrders(account: string): OpenOrder[] {
    return this.#registry.ofAccount(account).map(openOrderView);
  }

  positions(account: string): { positions: PositionView[]; pnl: PnlView } | null {
    if (!this.#ledger.has(account)) return null;
    const marks = this.#marksFor(account);
    const view = this.#ledger.view(account, marks);
    return { positions: positionViews(view, marks), pnl: pnlView(view) };
  }

  /** The role limits that apply to an account, or null for an unknown account. */
  limitsOf(account: string) {
    const role = this.#ledger.role(account);
    return role === null ? null : this.config.limits[role];
  }

  /** Worst-case exposure per instrument and in total (for the limit invariant and the instructor's view). */
  exposure(account: string): { perInstrument: Record<string, number>; total: number } {
    const perInstrument: Record<string, number> = {};
    let total = 0;
    const instruments = new Set([
      ...this.#ledger.instruments(account),
      ...this.#registry.instrumentsWithOrders(account),
    ]);
    for (const instrument of instruments) {
      const e = this.#registry.exposure(account, instrument, this.#ledger.position(account, instrument));
      const worst = worstCase(e);
      perInstrument[instrument] = worst;
      total += worst;
    }
    return { perInstrument, total };
  }

  snapshot(): ExchangeState {
    const orders: Record<string, OrderRecord> = {};
    for (const order of this.#registry.all()) orders[order.orderId] = { ...order };
    return {
      phase: this.#phase,
      nextOrder: this.#nextOrder,
      nextTrade: this.#nextTrade,
      listed: [...this.#listed].sort(),
      orders,
      ledger: this.#ledger.snapshot(),
      buckets: this.#buckets.snapshot(),
      references: Object.fromEntries([...this.#references].sort(([a], [b]) => (a < b ? -1 : 1))),
      lastTrade: Object.fromEntries([...this.#lastTrade].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }

  hash(): string {
    return stateHash(this.snapshot());
  }

  #restore(state: ExchangeState) {
    this.#phase = state.phase;
    this.#nextOrder = state.nextOrder;
    this.#nextTrade = state.nextTrade;
    this.#buckets.restore(state.buckets);
    for (const [k, v] of Object.entries(state.references)) this.#references.set(k, v);
    for (const [k, v] of Object.entries(state.lastTrade)) this.#lastTrade.set(k, v);
    // Resting orders re-enter their books in arrival order: the set is uncrossed, so nothing matches and FIFO
    // within each level is the arrival order it had.
    const byArrival = Object.values(state.orders)
      .map((o) => ({ ...o }))
      .sort((a, b) => a.arrival - b.arrival);
    for (const order of byArrival) {
      this.#add(order);
      if (order.held) this.#heldOf(order.instrument).set(order.orderId, order);
      else
        this.#books.get(order.instrument)?.submit({
          id: order.orderId,
          owner: order.account,
          side: order.side,
          type: "limit",
          price: order.price,
          quantity: order.remaining,
          tif: "gtc",
        });
    }
    for (const account of this.#ledger.accounts()) {
      for (const instrument of this.#ledger.instruments(account)) this.#refresh(account, instrument);
    }
  }
}
