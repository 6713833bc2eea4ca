// The measurement loop. Each implementation gets fresh state per pass (`prepare`, not timed) and runs:
// 1. throughput passes: the whole stream in a tight loop, one clock read at each end; 3–5 passes (fewer when an
//    implementation is slow), each on fresh state after a GC, and the median rate is reported as orders/s;
// 2. a latency pass on fresh state: `process.hrtime.bigint()` around every operation, stored in a preallocated
//    Float64Array → p50/p99/p99.9 in µs. The clock reads (see `timerOverheadNs`) are inside these figures.
// Before every pass, after `prepare` (so the prepared commands are already in old space and their promotion is
// not billed to the timed loop; it was, and cost ~2× to adapters that build objects): a full GC, then a short untimed "settle" run
// on the warm-up stream, because right after a forced full GC V8 starts with a shrunken young generation and the
// next ~75k operations ran up to 2× slower (measured on the baseline) until the heap grew back.
// Warm-up (`warmUp`) runs every implementation through both loops on a separate stream first, so the JIT has
// compiled all of them and the loops' call sites are equally polymorphic for everyone before anything is timed.
import type { BenchTarget, PreparedRun, RunStats } from "./target";
import { type BenchOp, OP_KINDS, type OpKind } from "./workload";

/** Timings and work counters of one implementation on one stream. */
export interface Measurement {
  readonly label: string;
  readonly ops: number;
  /** Median over the throughput passes. */
  readonly opsPerSec: number;
  /** Throughput passes run, and the spread of their rates as (max − min) / median. */
  readonly passes: number;
  readonly spread: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly p999Us: number;
  readonly maxUs: number;
  /** p99 in µs per operation kind, in the order of `OP_KINDS`. */
  readonly p99ByKindUs: readonly number[];
  readonly stats: RunStats;
}

/**
 * How passes are isolated: a full GC (a no-op if unavailable, see gc.ts), then an untimed run on `settleOps`;
 * `kindOf` sorts operations into the classes whose p99 is reported separately (see `OP_KINDS`).
 */
export interface Isolation {
  readonly collect: () => void;
  readonly settleOps: readonly BenchOp[];
  readonly kindOf: (op: BenchOp) => OpKind;
}

/** Operations of the settle run after each GC. */
const SETTLE_OPS = 20_000;

function isolate(target: BenchTarget, isolation: Isolation): void {
  isolation.collect();
  const ops = isolation.settleOps;
  const run = target.prepare(ops);
  const n = Math.min(ops.length, SETTLE_OPS);
  for (let i = 0; i < n; i++) run.step(i);
}

function throughputPass(run: PreparedRun, n: number): { seconds: number; stats: RunStats } {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) run.step(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, stats: run.stats() };
}

function latencyPass(run: PreparedRun, n: number, out: Float64Array): RunStats {
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    run.step(i);
    out[i] = Number(process.hrtime.bigint() - t0);
  }
  return run.stats();
}

/** Value at quantile `q` (0–1) of an ascending array (nearest rank). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Runs each target once through both loops on `ops` (not recorded). */
export function warmUp(targets: readonly BenchTarget[], ops: readonly BenchOp[]): void {
  const scratch = new Float64Array(ops.length);
  for (const target of targets) {
    throughputPass(target.prepare(ops), ops.length);
    latencyPass(target.prepare(ops), ops.length, scratch);
  }
}

const MIN_PASSES = 3;
const MAX_PASSES = 5;
/** Stop adding passes beyond MIN_PASSES once this much time went into throughput passes. */
const PASS_BUDGET_S = 1.5;

/** Measures `target` on `ops`: orders/s from the throughput passes, latency quantiles from the latency pass. */
export function measure(target: BenchTarget, ops: readonly BenchOp[], isolation: Isolation): Measurement {
  const rates: number[] = [];
  let spent = 0;
  let stats: RunStats = { fills: 0, filledQty: 0, stpCancels: 0, rejected: 0 };
  while (rates.length < MAX_PASSES && (rates.length < MIN_PASSES || spent < PASS_BUDGET_S)) {
    const run = target.prepare(ops);
    isolate(target, isolation);
    const pass = throughputPass(run, ops.length);
    rates.push(ops.length / pass.seconds);
    spent += pass.seconds;
    stats = pass.stats;
  }
  rates.sort((a, b) => a - b);
  const median = rates[rates.length >> 1] as number;
  const latencies = new Float64Array(ops.length);
  const run = target.prepare(ops);
  isolate(target, isolation);
  const again = latencyPass(run, ops.length, latencies);
  if (again.filledQty !== stats.filledQty || again.fills !== stats.fills) {
    console.log(`WARNING ${target.label} is not deterministic: two runs of one stream traded differently`);
  }
  const p99ByKindUs = OP_KINDS.map((kind) => {
    const own = latencies.filter((_, i) => isolation.kindOf(ops[i] as BenchOp) === kind).sort();
    return quantile(own, 0.99) / 1_000;
  });
  latencies.sort();
  const us = (q: number) => quantile(latencies, q) / 1_000;
  return {
    label: target.label,
    ops: ops.length,
    opsPerSec: median,
    passes: rates.length,
    spread: ((rates[rates.length - 1] as number) - (rates[0] as number)) / median,
    p50Us: us(0.5),
    p99Us: us(0.99),
    p999Us: us(0.999),
    maxUs: us(1),
    p99ByKindUs,
    stats,
  };
}

/** Median cost in ns of one `hrtime.bigint()` pair with nothing between (included in every latency figure). */
export function timerOverheadNs(samples = 100_000): number {
  const out = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = process.hrtime.bigint();
    out[i] = Number(process.hrtime.bigint() - t0);
  }
  out.sort();
  return quantile(out, 0.5);
}
