import type { Rng } from "./rng";
import type { SimConfig } from "./sim-config";

/** The arbitrage desk's private tracking-error signal (GAME.md §10.3). */
export type ArbitrageSignal = {
  readonly kind: "tracking_error";
  /** spy_rich: SPY above SPX/10 by the persistent error ε (a reversed report is a false signal). */
  readonly direction: "spy_rich" | "spy_cheap";
  /** |ε| in whole basis points. */
  readonly magnitudeBp: number;
  /** The configured accuracy in basis points (8000 = 80 %). */
  readonly confidenceBp: number;
};

/** Hysteresis of the signal: armed until |ε| first reaches the threshold, re-armed below `resetBp`. */
export type ArbitrageWatch = { active: boolean; lastTick: number };

export const INITIAL_ARBITRAGE_WATCH: ArbitrageWatch = { active: false, lastTick: -1 };

/**
 * Checks this second's true ε (a fraction) and returns a signal when |ε| first reaches the threshold, then at most
 * once per tick while it stays at or above it (GAME.md §10.3 [proposed]). The report is the truth with probability
 * `accuracy`, else the direction is reversed (magnitude kept). Mutates `watch`; draws once per signal.
 */
export function watchTrackingError(
  config: SimConfig,
  rng: Rng,
  watch: ArbitrageWatch,
  trackingError: number,
  tick: number,
): ArbitrageSignal | null {
  const { accuracy, thresholdBp, resetBp } = config.arbitrageSignal;
  const errorBp = trackingError * 10_000;
  const size = Math.abs(errorBp);
  if (size < resetBp) watch.active = false;
  if (size < thresholdBp || (watch.active && watch.lastTick >= tick)) return null;
  watch.active = true;
  watch.lastTick = tick;
  const truthRich = errorBp > 0;
  const rich = rng.next() < accuracy ? truthRich : !truthRich;
  return {
    kind: "tracking_error",
    direction: rich ? "spy_rich" : "spy_cheap",
    magnitudeBp: Math.round(size),
    confidenceBp: Math.round(accuracy * 10_000),
  };
}
