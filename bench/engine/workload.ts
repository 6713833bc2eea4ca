// Seeded mixed order stream for the engine benchmark. The whole stream is generated before any timing, so the
// generator's cost never shows up in a measurement, and every implementation sees exactly the same operations.
import { BaselineBook } from "./baseline-book";

/** Side of an order. */
export type BenchSide = "buy" | "sell";

/** A limit order (GTC rests its remainder, IOC drops it). Prices in ticks, quantities in lots: positive integers. */
export interface LimitOp {
  readonly kind: "limit";
  /** Unique, increasing order id (also unique across instruments). */
  readonly id: number;
  readonly instrument: number;
  readonly owner: number;
  readonly side: BenchSide;
  readonly price: number;
  readonly qty: number;
  readonly tif: "gtc" | "ioc";
}

/** A market order: IOC, never rests. */
export interface MarketOp {
  readonly kind: "market";
  readonly id: number;
  readonly instrument: number;
  readonly owner: number;
  readonly side: BenchSide;
  readonly qty: number;
}

/** Cancel of an order the generator created earlier; it may already be filled, then the cancel is a no-op. */
export interface CancelOp {
  readonly kind: "cancel";
  /** Id of the order to cancel. */
  readonly id: number;
  readonly instrument: number;
  /** Owner of the order being cancelled (pipelines check it). */
  readonly owner: number;
}

/** One operation of the stream. */
export type BenchOp = LimitOp | MarketOp | CancelOp;

/** Operation classes for per-kind latency: passive adds, cancels, and takes (crossing limits and markets). */
export const OP_KINDS = ["add", "cancel", "take"] as const;
export type OpKind = (typeof OP_KINDS)[number];

/** Class of `op` in a stream generated around `midTicks`: a limit that reaches the mid (or IOC) is a take. */
export function kindOf(op: BenchOp, midTicks: number): OpKind {
  if (op.kind === "cancel") return "cancel";
  if (op.kind === "market" || op.tif === "ioc") return "take";
  return (op.side === "buy" ? op.price > midTicks : op.price < midTicks) ? "take" : "add";
}

/** Shape of a generated stream. */
export interface WorkloadConfig {
  readonly seed: number;
  readonly ops: number;
  readonly instruments: number;
  /** Number of distinct order owners (accounts); self-trade prevention applies between equal owners. */
  readonly owners: number;
  /** Reference mid price in ticks of every instrument (passive bids rest below it, asks above it). */
  readonly midTicks: number;
}

/** A generated stream and what it contains. */
export interface Workload {
  readonly config: WorkloadConfig;
  readonly ops: readonly BenchOp[];
  readonly counts: { readonly passive: number; readonly cancel: number; readonly crossing: number };
  /** Live resting orders (all instruments) after the whole stream, per the generator's shadow book. */
  readonly restingAtEnd: number;
  /** Cancels in the stream that hit an order no longer live (no-ops). */
  readonly cancelMisses: number;
}

/** Default account count and mid price. */
export const DEFAULT_OWNERS = 8;
export const DEFAULT_MID_TICKS = 10_000;

/**
 * sfc32 PRNG (public domain, Chris Doty-Humphrey): 128-bit state, fast, good enough for workloads.
 * Returns a function giving uniform floats in [0, 1).
 */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4_294_967_296;
  };
  for (let i = 0; i < 15; i++) next(); // mix the seed into the whole state
  return next;
}

/**
 * Generates a mixed stream over `config.instruments` instruments:
 * - 60% passive limit GTC adds 1–8 ticks from the reference mid on the passive side (the touch is 1 tick away
 *   when populated), 1–10 lots, skewed towards the touch;
 * - 25% cancels of a live resting order, picked uniformly among the ids the generator created;
 * - 15% crossing orders: two thirds marketable limits 1–3 ticks through the mid (half IOC, half GTC whose remainder
 *   rests), one third market orders; 1–40 lots, so one typically takes several resting orders.
 *
 * The generator keeps its belief of what is live in a shadow BaselineBook (run here, before timing), so cancels
 * mostly hit live orders and the book reaches a steady depth instead of growing for ever. A cancel drawn on an
 * order the shadow says is gone is dropped from the belief and redrawn, except one in 20 that is sent anyway:
 * those are no-op cancels (of filled orders) that every implementation must ignore.
 */
export function generateWorkload(config: WorkloadConfig): Workload {
  const rnd = sfc32(config.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const shadowCounters = { fills: 0, filledQty: 0, stpCancels: 0, cancelMisses: 0 };
  const shadow = Array.from({ length: config.instruments }, () => new BaselineBook(shadowCounters));
  // Believed-live ids per instrument, with O(1) swap-remove.
  const live: number[][] = Array.from({ length: config.instruments }, () => []);
  const ownerOf = new Map<number, number>();
  const ops: BenchOp[] = new Array(config.ops);
  const counts = { passive: 0, cancel: 0, crossing: 0 };
  let nextId = 1;

  // Draws a believed-live id, pruning ids the shadow says are gone (filled or STP-cancelled). One draw in 20
  // that lands on a gone order is sent anyway, so the stream also carries some no-op cancels.
  const drawLive = (ids: number[], book: BaselineBook): number | undefined => {
    while (ids.length > 0) {
      const at = int(0, ids.length - 1);
      const id = ids[at] as number;
      ids[at] = ids[ids.length - 1] as number;
      ids.pop();
      if (book.has(id) || rnd() < 0.05) return id;
      ownerOf.delete(id);
    }
    return undefined;
  };

  for (let i = 0; i < config.ops; i++) {
    const instrument = int(0, config.instruments - 1);
    const owner = int(0, config.owners - 1);
    const side: BenchSide = rnd() < 0.5 ? "buy" : "sell";
    const roll = rnd();
    const ids = live[instrument] as number[];
    const book = shadow[instrument] as BaselineBook;
    const cancelId = roll >= 0.6 && roll < 0.85 ? drawLive(ids, book) : undefined;
    let op: BenchOp;
    if (cancelId !== undefined) {
      op = { kind: "cancel", id: cancelId, instrument, owner: ownerOf.get(cancelId) ?? owner };
      ownerOf.delete(cancelId);
      counts.cancel++;
    } else if (roll >= 0.85) {
      const id = nextId++;
      const qty = int(1, 40);
      counts.crossing++;
      if (rnd() < 1 / 3) {
        op = { kind: "market", id, instrument, owner, side, qty };
      } else {
        const through = int(1, 3);
        const price = side === "buy" ? config.midTicks + through : config.midTicks - through;
        const tif = rnd() < 0.5 ? "ioc" : "gtc";
        op = { kind: "limit", id, instrument, owner, side, price, qty, tif };
      }
    } else {
      const id = nextId++;
      // min of two uniforms skews the distance towards the touch
      const away = Math.min(int(1, 8), int(1, 8));
      const price = side === "buy" ? config.midTicks - away : config.midTicks + away;
      op = { kind: "limit", id, instrument, owner, side, price, qty: int(1, 10), tif: "gtc" };
      counts.passive++;
    }
    if (op.kind === "limit") {
      book.limit(op.id, op.owner, op.side, op.price, op.qty, op.tif === "gtc");
      if (book.has(op.id)) {
        ids.push(op.id);
        ownerOf.set(op.id, op.owner);
      }
    } else if (op.kind === "market") book.market(op.owner, op.side, op.qty);
    else book.cancel(op.id);
    ops[i] = op;
  }
  const resting = shadow.reduce((sum, b) => sum + b.restingOrders(), 0);
  return { config, ops, counts, restingAtEnd: resting, cancelMisses: shadowCounters.cancelMisses };
}
