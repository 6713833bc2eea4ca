// `npm run bench:engine [-- --ops N --library-ops N --warmup-ops N --seed S]`: the same seeded mixed stream
// (60% passive adds, 25% cancels, 15% crossing/market) on 1 and on 40 instruments through the baseline book, our
// OrderBook, our whole pipeline and nodejs-order-book, all in this process. Prints orders/s, per-order latency
// quantiles, work counters and ratios, then PASS/MISS against the targets. Not a test: figures vary by machine,
// only the ratios are meant to be compared.
import { parseArgs } from "./args";
import { baselineTarget } from "./baseline-adapter";
import { engineBookTarget } from "./engine-adapter";
import { fullGc } from "./gc";
import { libraryTarget } from "./library-adapter";
import { type Measurement, measure, timerOverheadNs, warmUp } from "./measure";
import { pipelineTarget } from "./pipeline-adapter";
import { fmt, formatRow, header, ratio, verdict } from "./report";
import type { BenchTarget } from "./target";
import {
  type BenchOp,
  DEFAULT_MID_TICKS,
  DEFAULT_OWNERS,
  generateWorkload,
  kindOf,
  OP_KINDS,
  type Workload,
} from "./workload";

const TARGET = { bookVsBaseline: 1.0, bookVsLibrary: 20, pipelineVsBaseline: 0.5, p99Us: 2 } as const;

const args = parseArgs(process.argv.slice(2));
const gc = fullGc();
const baseline = baselineTarget();
const library = libraryTarget();
// Our engine, in this order: [OrderBook alone, whole pipeline].
const ours: BenchTarget[] = [engineBookTarget(), pipelineTarget()];

console.log(
  `engine bench: seed ${args.seed}, ${fmt(args.ops)} timed ops per scenario (nodejs-order-book: first ` +
    `${fmt(args.libraryOps)}), warm-up ${fmt(args.warmupOps)} ops on seed ${args.seed + 1}; node ${process.version}; ` +
    `GC between runs: ${gc.how}; clock read pair ≈ ${fmt(timerOverheadNs())} ns (inside every latency figure)`,
);

function stream(instruments: number, seed: number, ops: number): Workload {
  return generateWorkload({ seed, ops, instruments, owners: DEFAULT_OWNERS, midTicks: DEFAULT_MID_TICKS });
}

function describeWorkload(w: Workload): string {
  const pct = (n: number) => `${fmt((100 * n) / w.ops.length, 1)}%`;
  const { passive, cancel, crossing } = w.counts;
  return (
    `${pct(passive)} passive adds, ${pct(cancel)} cancels (${fmt(w.cancelMisses)} of them no-ops), ` +
    `${pct(crossing)} crossing/market; ${fmt(w.restingAtEnd)} orders resting at the end`
  );
}

/** Warns when two implementations that follow the same rules traded different amounts on the same stream. */
function agree(a: Measurement, b: Measurement, exactFills: boolean): boolean {
  const same =
    a.stats.filledQty === b.stats.filledQty &&
    a.stats.stpCancels === b.stats.stpCancels &&
    (!exactFills || a.stats.fills === b.stats.fills);
  if (!same) {
    console.log(
      `WARNING ${a.label} and ${b.label} disagree on the same stream: filled qty ${a.stats.filledQty} vs ` +
        `${b.stats.filledQty}, stp ${a.stats.stpCancels} vs ${b.stats.stpCancels}, fills ${a.stats.fills} vs ${b.stats.fills}`,
    );
  }
  return same;
}

const verdicts: string[] = [];
for (const instruments of [1, 40]) {
  const full = stream(instruments, args.seed, args.ops);
  const warm = stream(instruments, args.seed + 1, args.warmupOps);
  const prefix = full.ops.slice(0, args.libraryOps);
  const name = `${instruments} instrument${instruments === 1 ? "" : "s"}`;
  console.log(`\n== ${name}: ${describeWorkload(full)}`);

  const iso = {
    collect: gc.collect,
    settleOps: warm.ops,
    kindOf: (op: BenchOp) => kindOf(op, DEFAULT_MID_TICKS),
  };
  warmUp([baseline, ...ours], warm.ops);
  warmUp([library], warm.ops.slice(0, Math.min(warm.ops.length, args.libraryOps)));
  const base = measure(baseline, full.ops, iso);
  const rows = [base, ...ours.map((t) => measure(t, full.ops, iso))];
  const [book, pipeline] = rows.slice(1);
  const basePrefix = prefix.length < full.ops.length ? measure(baseline, prefix, iso) : base;
  const bookPrefix =
    book && prefix.length < full.ops.length ? measure(ours[0] as BenchTarget, prefix, iso) : book;
  const lib = measure(library, prefix, iso);

  console.log(header());
  for (const m of rows) console.log(formatRow({ m, baseline: base }));
  if (prefix.length < full.ops.length) {
    console.log(`-- first ${fmt(prefix.length)} ops of the same stream (nodejs-order-book is slow):`);
    for (const m of [basePrefix, bookPrefix]) if (m) console.log(formatRow({ m, baseline: basePrefix }));
  }
  console.log(formatRow({ m: lib, baseline: basePrefix }));
  console.log(`   ${base.label}: ${base.stats.note ?? ""}; ${lib.label}: ${lib.stats.note ?? ""}`);
  console.log(`   p99 µs by kind (${OP_KINDS.join(" / ")}):`);
  for (const m of [...rows, lib])
    console.log(`     ${m.label.padEnd(40)} ${m.p99ByKindUs.map((v) => fmt(v, 2)).join(" / ")}`);

  agree(lib, basePrefix, false);
  if (book) agree(book, base, true);
  if (pipeline) {
    const share = pipeline.stats.rejected / full.ops.length;
    console.log(`   pipeline rejected ${fmt(100 * share, 3)}% of commands`);
    if (pipeline.stats.rejected === 0) agree(pipeline, base, false);
  }

  if (book && bookPrefix) {
    const vsBase = ratio(book, base);
    const vsLib = ratio(bookPrefix, lib);
    verdicts.push(
      verdict(vsBase >= TARGET.bookVsBaseline, `${name}: book ${fmt(vsBase, 2)}× baseline (≥ 1.0×)`),
    );
    verdicts.push(
      verdict(vsLib >= TARGET.bookVsLibrary, `${name}: book ${fmt(vsLib, 1)}× nodejs-order-book (≥ 20×)`),
    );
    verdicts.push(verdict(book.p99Us <= TARGET.p99Us, `${name}: book p99 ${fmt(book.p99Us, 2)} µs (≤ 2 µs)`));
  } else {
    verdicts.push(`MISS ${name}: our OrderBook was not measured`);
  }
  if (!pipeline)
    verdicts.push(`MISS ${name}: whole pipeline not measured (no createExchange in party/core yet)`);
  if (pipeline) {
    const vsBase = ratio(pipeline, base);
    verdicts.push(
      verdict(vsBase >= TARGET.pipelineVsBaseline, `${name}: pipeline ${fmt(vsBase, 2)}× baseline (≥ 0.5×)`),
    );
    verdicts.push(
      `info ${name}: pipeline p99 ${fmt(pipeline.p99Us, 2)} µs, p99.9 ${fmt(pipeline.p999Us, 2)} µs (2 µs applies to the book)`,
    );
  }
  console.log(`   baseline vs nodejs-order-book: ${fmt(ratio(basePrefix, lib), 1)}× on the same ops`);
}
console.log(`\n${verdicts.join("\n")}`);
