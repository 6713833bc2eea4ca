import type { ScheduledNews } from "./news-schedule";
import { eventTarget, eventTargetExcluding, transitionRow } from "./regimes";
import type { Rng } from "./rng";
import type { Regime, SimConfig } from "./sim-config";

/** The hedge fund's private volatility forecast before a scheduled news event (GAME.md §10.2). */
export type HedgeFundSignal = {
  readonly kind: "volatility_forecast";
  /** The regime the forecast expects after the event takes effect (the current one if no shift is predicted). */
  readonly predictedRegime: Regime;
  /** Ticks until the event is published (its effect follows at the next tick boundary). */
  readonly horizonTicks: number;
  /** The configured accuracy, in basis points (6600 = 66 %). */
  readonly confidenceBp: number;
  readonly eventId: string;
  readonly currentRegime: Regime;
  readonly predictedShift: boolean;
  readonly secondsUntilEvent: number;
  /** P(low), P(medium), P(high) in bp: the event row if a shift is predicted, else the natural row. */
  readonly transitionRowBp: readonly number[];
};

/**
 * Resolves a scheduled event's regime outcome against the regime in force now (writing `event.resolved`) and
 * returns the forecast (GAME.md §10.2 [proposed]). Truth = the event imposes a regime different from `regime`;
 * the forecast states the truth with probability `accuracy`, else its opposite. Two draws from `rng` always.
 */
export function issueForecast(
  config: SimConfig,
  rng: Rng,
  event: ScheduledNews,
  regime: Regime,
  second: number,
): HedgeFundSignal {
  const target = event.shift ? eventTarget(config, regime, event.targetU) : null;
  event.resolved = { from: regime, target };
  const truth = target !== null && target !== regime;
  const correct = rng.next() < config.hedgeFundSignal.accuracy;
  const falseTargetU = rng.next();
  const predictedShift = correct ? truth : !truth;
  let predictedRegime = regime;
  if (predictedShift)
    predictedRegime = truth && target ? target : eventTargetExcluding(config, regime, falseTargetU);
  const secondsUntilEvent = event.second - second;
  return {
    kind: "volatility_forecast",
    predictedRegime,
    horizonTicks: Math.ceil(secondsUntilEvent / config.secondsPerTick),
    confidenceBp: Math.round(config.hedgeFundSignal.accuracy * 10_000),
    eventId: event.id,
    currentRegime: regime,
    predictedShift,
    secondsUntilEvent,
    transitionRowBp: transitionRow(config, regime, predictedShift).map((p) => Math.round(p * 10_000)),
  };
}
