import type { Rng } from "./rng";
import { REGIMES, type Regime, type SimConfig } from "./sim-config";

export function regimeIndex(regime: Regime): number {
  return REGIMES.indexOf(regime);
}

function row(matrix: number[][], from: Regime): number[] {
  const r = matrix[regimeIndex(from)];
  if (!r || r.length !== REGIMES.length)
    throw new RangeError(`transition row for ${from} must have 3 entries`);
  return r;
}

/** The regime whose cumulative probability first exceeds `u` (the last one if rounding leaves a gap). */
export function pickFromRow(weights: readonly number[], u: number): Regime {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  for (let i = 0; i < REGIMES.length; i++) {
    cumulative += (weights[i] ?? 0) / total;
    if (u < cumulative) return REGIMES[i] as Regime;
  }
  return REGIMES[REGIMES.length - 1] as Regime;
}

/** The natural (no-news) draw at a tick boundary, one uniform from the regime stream (GAME.md §9.3). */
export function naturalTransition(config: SimConfig, from: Regime, rng: Rng): Regime {
  return pickFromRow(row(config.transition, from), rng.next());
}

/** The regime a news-triggered shift leads to; may equal `from` (high → high is 10 % by default). */
export function eventTarget(config: SimConfig, from: Regime, u: number): Regime {
  return pickFromRow(row(config.eventTransition, from), u);
}

/** A regime other than `from`, weighted by the event row with `from` removed (for false "shift" forecasts). */
export function eventTargetExcluding(config: SimConfig, from: Regime, u: number): Regime {
  const weights = row(config.eventTransition, from).map((w, i) => (REGIMES[i] === from ? 0 : w));
  if (weights.every((w) => w === 0)) return REGIMES.find((r) => r !== from) as Regime;
  return pickFromRow(weights, u);
}

export function transitionRow(config: SimConfig, from: Regime, event: boolean): readonly number[] {
  return row(event ? config.eventTransition : config.transition, from);
}

/** The true annual volatility of a regime: its configured vol × the programme-phase multiplier. */
export function regimeVol(config: SimConfig, regime: Regime): number {
  const entry = config.regimes.find((r) => r.name === regime);
  if (!entry) throw new RangeError(`no volatility configured for regime ${regime}`);
  return entry.vol * config.volMultiplier;
}
