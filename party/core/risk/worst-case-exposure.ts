/**
 * Worst-case position (GAME.md §5.5, DECISIONS.md): per instrument, E = max(|p + B|, |p − S|) where p is the filled
 * position and B/S the open buy/sell quantity including the new order. A limit holds when E ≤ the per-instrument
 * limit and Σ E ≤ the total limit, so fills can never breach it.
 */
export type Exposure = { position: number; openBuy: number; openSell: number };

export function worstCase({ position, openBuy, openSell }: Exposure): number {
  return Math.max(Math.abs(position + openBuy), Math.abs(position - openSell));
}

export type LimitCheck =
  | { ok: true }
  | { ok: false; scope: "instrument" | "total"; exposure: number; limit: number };

/** Checks adding `side` × `quantity` on `instrument` against both limits. */
export function checkLimits(
  exposures: Record<string, Exposure>,
  order: { instrument: string; side: "buy" | "sell"; quantity: number },
  limits: { perInstrument: number; total: number },
): LimitCheck {
  const current = exposures[order.instrument] ?? { position: 0, openBuy: 0, openSell: 0 };
  const next =
    order.side === "buy"
      ? { ...current, openBuy: current.openBuy + order.quantity }
      : { ...current, openSell: current.openSell + order.quantity };
  const own = worstCase(next);
  if (own > limits.perInstrument)
    return { ok: false, scope: "instrument", exposure: own, limit: limits.perInstrument };
  let total = own;
  for (const [instrument, e] of Object.entries(exposures))
    if (instrument !== order.instrument) total += worstCase(e);
  if (total > limits.total) return { ok: false, scope: "total", exposure: total, limit: limits.total };
  return { ok: true };
}
