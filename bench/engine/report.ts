// Plain-text table and verdict lines for the engine benchmark.
import type { Measurement } from "./measure";

/** One printed row: a measurement and the baseline it is compared with (same stream, same run). */
export interface Row {
  readonly m: Measurement;
  readonly baseline: Measurement;
}

const num = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";

/** `a` per-order rate as a multiple of `b`. */
export const ratio = (a: Measurement, b: Measurement): number => a.opsPerSec / b.opsPerSec;

const COLUMNS: readonly [string, number][] = [
  ["implementation", 40],
  ["ops", 9],
  ["orders/s", 11],
  ["spread", 7],
  ["p50 µs", 8],
  ["p99 µs", 8],
  ["p99.9 µs", 9],
  ["max µs", 9],
  ["× base", 7],
  ["fills", 8],
  ["filled qty", 11],
  ["stp", 7],
  ["rejected", 9],
];

/** Table header line. */
export function header(): string {
  return COLUMNS.map(([name, width], i) => (i === 0 ? name.padEnd(width) : name.padStart(width))).join(" ");
}

/** One table line. */
export function formatRow({ m, baseline }: Row): string {
  const cells = [
    m.label,
    num(m.ops),
    num(m.opsPerSec),
    `${num(100 * m.spread, 0)}%`,
    num(m.p50Us, 2),
    num(m.p99Us, 2),
    num(m.p999Us, 2),
    num(m.maxUs, 0),
    `${num(ratio(m, baseline), 2)}×`,
    num(m.stats.fills),
    num(m.stats.filledQty),
    num(m.stats.stpCancels),
    num(m.stats.rejected),
  ];
  return cells
    .map((c, i) => {
      const width = COLUMNS[i]?.[1] ?? 8;
      return i === 0 ? c.slice(0, width).padEnd(width) : c.padStart(width);
    })
    .join(" ");
}

/** `PASS`/`MISS` line for a target. */
export function verdict(ok: boolean, what: string): string {
  return `${ok ? "PASS" : "MISS"} ${what}`;
}

/** Formats a number for prose lines. */
export const fmt = num;
