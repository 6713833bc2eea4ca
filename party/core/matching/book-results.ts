import type { BookFill, MatchResult, RestingOrder } from "./types";

/** Shared empty lists for results without fills or cancels: frozen, so no caller can add to them. */
export const NO_FILLS: BookFill[] = Object.freeze([]) as unknown as BookFill[];
export const NO_CANCELS: RestingOrder[] = Object.freeze([]) as unknown as RestingOrder[];

/** Quantities below this get shared results when nothing traded (orders are small; larger ones allocate). */
const SHARED_BELOW = 1024;

/** Shared quiet results by quantity, one table per outcome, filled on first use (packed: no hole checks). */
const table = (): (MatchResult | undefined)[] => Array.from({ length: SHARED_BELOW }, () => undefined);
const RESTED = table();
const IOC = table();
const NO_LIQUIDITY = table();

/**
 * The result of a submit that neither filled nor cancelled anything and rested its quantity (`dropped` null) or
 * dropped it: it depends only on the quantity and the outcome, so it is built once, frozen and shared (most
 * submits are passive adds; this saves their result allocation). Callers may keep it: nothing ever changes it.
 */
export function quietResult(remaining: number, dropped: "ioc" | "no_liquidity" | null): MatchResult {
  const table = dropped === null ? RESTED : dropped === "ioc" ? IOC : NO_LIQUIDITY;
  const cached = remaining >>> 0 === remaining && remaining < SHARED_BELOW;
  let result = cached ? table[remaining] : undefined;
  if (result === undefined) {
    const rested = dropped === null;
    result = Object.freeze({ fills: NO_FILLS, selfTradeCancels: NO_CANCELS, remaining, rested, dropped });
    if (cached) table[remaining] = result;
  }
  return result;
}
