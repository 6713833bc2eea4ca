import type { Rng } from "./rng";
import type { SimConfig } from "./sim-config";

/**
 * SPY's tracking model (GAME.md §9.5 [proposed]): SPY(t) = SPX(t − lag)/10 × (1 + ε) × (1 + η), with ε a slow
 * Ornstein–Uhlenbeck tracking error (what the arbitrage signal reports) and η fast noise. Errors are fractions.
 */
export type SpyState = {
  /** ε, the persistent tracking error (0.0015 = 15 bp). */
  trackingError: number;
  /** η, the short-lived noise. */
  noise: number;
  /** SPX (full-precision ticks) of the last `lagSeconds + 1` seconds, oldest first. */
  spxHistory: number[];
};

const BP = 1e-4;

export function initialSpyState(config: SimConfig, spx: number): SpyState {
  return {
    trackingError: 0,
    noise: 0,
    spxHistory: Array.from({ length: config.spy.lagSeconds + 1 }, () => spx),
  };
}

/** One OU step over one second: x ← φx + sd√(1 − φ²)·Z with φ = 0.5^(1/half-life); the stationary sd is `sd`. */
function ouStep(x: number, sd: number, halfLifeSeconds: number, z: number): number {
  const phi = 0.5 ** (1 / halfLifeSeconds);
  return phi * x + sd * Math.sqrt(1 - phi * phi) * z;
}

/**
 * Advances `state` by one second given this second's SPX, and returns SPY in integer ticks. Two normals from
 * the SPY stream every second, whatever happens to SPX, so news never shifts this stream.
 */
export function stepSpy(
  config: SimConfig,
  rng: Rng,
  state: SpyState,
  spx: number,
  regimeVol: number,
): number {
  const { spy } = config;
  const scale = spy.regimeScaling ? regimeVol / 0.2 : 1;
  const zTracking = rng.normal();
  const zNoise = rng.normal();
  const band = spy.maxTrackingErrorBp * BP;
  const tracking = ouStep(
    state.trackingError,
    spy.trackingSdBp * BP * scale,
    spy.trackingHalfLifeSeconds,
    zTracking,
  );
  state.trackingError = Math.max(-band, Math.min(band, tracking));
  state.noise = ouStep(state.noise, spy.noiseSdBp * BP, spy.noiseHalfLifeSeconds, zNoise);
  state.spxHistory.push(spx);
  while (state.spxHistory.length > spy.lagSeconds + 1) state.spxHistory.shift();
  const lagged = state.spxHistory[0] ?? spx;
  return spyTicksFor(lagged, state);
}

export function spyTicksFor(laggedSpx: number, state: SpyState): number {
  return Math.round((laggedSpx / 10) * (1 + state.trackingError) * (1 + state.noise));
}
