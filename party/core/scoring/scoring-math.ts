/** Basis points in one whole: ratios and scores are integer bp (10,000 = 100 %). */
export const BP = 10_000;

/**
 * a / b rounded half away from zero, for integers with b > 0. Every rounded ratio of this module goes through here
 * so equal inputs give equal bp on every runtime.
 */
export function roundDiv(a: number, b: number): number {
  if (b <= 0) throw new RangeError(`roundDiv: divisor must be positive, got ${b}`);
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}

/** a / b in bp, floored (a ≥ 0, b > 0): a share that never rounds up into a threshold it did not reach. */
export function shareBp(a: number, b: number): number {
  return Math.floor((a * BP) / b);
}

/** Code-point order: the same on every runtime, unlike `localeCompare`. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds a float that is the result of a computation to an integer, deterministically (half away from zero). */
export function roundFloat(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
