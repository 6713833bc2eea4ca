import { parseSymbol } from "../instruments";
import { bsGreeks, DEFAULT_SIM_CONFIG, yearsForSeconds } from "../market-sim";
import type { OpenOrder, PositionView } from "../protocol";
import { COMPLIANCE } from "./compliance-rules";

/**
 * How many required options a team quotes right now (GAME.md §11.2): its own best bid and ask on the option, ask >
 * bid, spread ≤ max(10% of mid, 5 ticks), at least 10 contracts on each side. Options whose theoretical value is
 * under 5 ticks are exempt (not required).
 */
export function quotedInstruments(
  orders: readonly OpenOrder[],
  listed: readonly string[],
  theoOf: (symbol: string) => number | null,
): { quoted: number; required: number } {
  const best = new Map<string, { bid: number; bidQty: number; ask: number; askQty: number }>();
  for (const o of orders) {
    const b = best.get(o.instrument) ?? { bid: 0, bidQty: 0, ask: Number.POSITIVE_INFINITY, askQty: 0 };
    if (o.side === "buy") {
      if (o.price > b.bid) Object.assign(b, { bid: o.price, bidQty: o.remaining });
      else if (o.price === b.bid) b.bidQty += o.remaining;
    } else if (o.price < b.ask) Object.assign(b, { ask: o.price, askQty: o.remaining });
    else if (o.price === b.ask) b.askQty += o.remaining;
    best.set(o.instrument, b);
  }
  let quoted = 0;
  let required = 0;
  for (const symbol of listed) {
    const theo = theoOf(symbol);
    if (theo !== null && theo < COMPLIANCE.mmExemptBelowTicks) continue;
    required++;
    const b = best.get(symbol);
    if (!b || b.bidQty < COMPLIANCE.mmMinSize || b.askQty < COMPLIANCE.mmMinSize || b.ask <= b.bid) continue;
    const maxSpread = Math.max(5, Math.floor((b.bid + b.ask) / 20));
    if (b.ask - b.bid <= maxSpread) quoted++;
  }
  return { quoted, required };
}

/**
 * A team's portfolio at a tick boundary (GAME.md §8.4, §11.4): delta in SPX-equivalent contracts from
 * Black–Scholes at the published reference volatility (0.20, never the hidden regime), and gross notional per
 * product in cents.
 */
export function portfolioSample(
  positions: readonly PositionView[],
  spot: { spxTicks: number; spyTicks: number },
  secondsToExpiry: (expiryIso: string) => number,
): { delta: number; spxNotionalCents: number; spyNotionalCents: number } {
  let delta = 0;
  let spxNotionalCents = 0;
  let spyNotionalCents = 0;
  for (const p of positions) {
    if (p.position === 0) continue;
    const spec = parseSymbol(p.instrument);
    if (!spec) continue;
    const spxSide = spec.underlying === "SPX";
    const s = spxSide ? spot.spxTicks : spot.spyTicks;
    const greeks = bsGreeks({
      spot: s,
      strike: spec.strikeCents,
      years: yearsForSeconds(DEFAULT_SIM_CONFIG, secondsToExpiry(spec.expiry)),
      vol: COMPLIANCE.referenceVol,
      call: spec.optionType === "call",
    });
    const weight = spxSide ? 1 : spot.spyTicks / spot.spxTicks;
    delta += p.position * greeks.delta * weight;
    const notional = Math.abs(p.position) * s * 100;
    if (spxSide) spxNotionalCents += notional;
    else spyNotionalCents += notional;
  }
  return { delta, spxNotionalCents, spyNotionalCents };
}
