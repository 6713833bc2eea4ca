import { roundDiv } from "./scoring-math";

/** Points of the best and the worst of a ranking, and of a team ranked alone (GAME.md §12.4 step 2), in bp. */
export const RANK_POINTS = { best: 10_000, worst: 3_000, alone: 8_000 } as const;

/**
 * Points for KPIs without bands, ranked among teams of the same role: the best gets 100, linear by rank to the
 * worst at 30; a single team gets 80. Ties share the mean of the points of the places they occupy (fractional
 * ranking), so the order of the input never matters. Nulls (not measured) are left out and stay null.
 */
export function rankPoints(
  values: readonly (number | null)[],
  better: "higher" | "lower",
): (number | null)[] {
  const present = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  const out: (number | null)[] = values.map(() => null);
  const n = present.length;
  if (n === 1) out[(present[0] as { i: number }).i] = RANK_POINTS.alone;
  if (n <= 1) return out;
  present.sort((a, b) => (better === "higher" ? b.v - a.v : a.v - b.v));
  const span = RANK_POINTS.best - RANK_POINTS.worst;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && present[end + 1]?.v === present[start]?.v) end++;
    const count = end - start + 1;
    const placeSum = ((start + end) * count) / 2; // Σ of 0-based places start..end: an integer
    const points = RANK_POINTS.best - roundDiv(span * placeSum, count * (n - 1));
    for (let k = start; k <= end; k++) out[(present[k] as { i: number }).i] = points;
    start = end + 1;
  }
  return out;
}
