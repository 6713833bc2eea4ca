// Command-line flags of `npm run bench:engine -- [--ops N] [--library-ops N] [--seed S]`.

/** Run options; all counts are operations per timed stream. */
export interface BenchArgs {
  /** Timed stream length for the baseline and our engine. */
  readonly ops: number;
  /** Timed stream length for nodejs-order-book (a prefix of the same stream: it is much slower). */
  readonly libraryOps: number;
  /** Warm-up stream length (a different seed). */
  readonly warmupOps: number;
  readonly seed: number;
}

const DEFAULTS: BenchArgs = { ops: 500_000, libraryOps: 200_000, warmupOps: 60_000, seed: 20_261_124 };

function positiveInt(flag: string, text: string | undefined): number {
  const n = Number(text?.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`${flag} needs a positive integer, got ${String(text)}`);
  return n;
}

/** Parses `argv` (without node and script); unknown flags are an error so typos do not go unnoticed. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let { ops, libraryOps, warmupOps, seed } = DEFAULTS;
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--ops") ops = positiveInt(flag, value);
    else if (flag === "--library-ops") libraryOps = positiveInt(flag, value);
    else if (flag === "--warmup-ops") warmupOps = positiveInt(flag, value);
    else if (flag === "--seed") seed = positiveInt(flag, value);
    else
      throw new Error(`unknown flag ${String(flag)} (use --ops N --library-ops N --warmup-ops N --seed S)`);
  }
  return { ops, libraryOps: Math.min(libraryOps, ops), warmupOps, seed };
}
