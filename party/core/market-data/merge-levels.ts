import type { Level } from "../protocol";

/** Applies changed levels to one side of a book (quantity 0 removes a level) and keeps the side sorted. */
export function mergeLevels(
  levels: readonly Level[],
  changes: readonly Level[],
  order: "asc" | "desc",
): Level[] {
  const byPrice = new Map<number, number>(levels.map(([p, q]) => [p, q]));
  for (const [price, quantity] of changes) {
    if (quantity === 0) byPrice.delete(price);
    else byPrice.set(price, quantity);
  }
  const sorted = [...byPrice.entries()].sort((a, b) => (order === "asc" ? a[0] - b[0] : b[0] - a[0]));
  return sorted.map(([p, q]) => [p, q] as const);
}
