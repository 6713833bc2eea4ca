import type { SimConfig } from "./sim-config";

/**
 * The simulation's clock counts seconds of continuous trading only (prices are frozen between sessions,
 * GAME.md §2.5): second 1 is the first second of the game's first session. Ticks are 5-minute measurement
 * intervals (GAME.md §2.4), numbered from 0 across sessions.
 */
export type ClockPosition = {
  readonly second: number;
  readonly tick: number;
  readonly session: number;
  /** Seconds since the session's first second (0-based). */
  readonly secondOfSession: number;
  readonly tickStarted: boolean;
  readonly sessionStarted: boolean;
};

export function sessionSeconds(config: SimConfig): number {
  return config.sessionTicks * config.secondsPerTick;
}

export function clockAt(config: SimConfig, second: number): ClockPosition {
  const elapsed = second - 1;
  const perSession = sessionSeconds(config);
  const secondOfSession = elapsed % perSession;
  return {
    second,
    tick: Math.floor(elapsed / config.secondsPerTick),
    session: Math.floor(elapsed / perSession),
    secondOfSession,
    tickStarted: elapsed % config.secondsPerTick === 0,
    sessionStarted: secondOfSession === 0,
  };
}

/** Years of session time in `seconds` (GAME.md §9.1): 252 sessions a year of `annualisationSecondsPerDay`. */
export function yearsForSeconds(config: SimConfig, seconds: number): number {
  return seconds / (252 * config.annualisationSecondsPerDay);
}
