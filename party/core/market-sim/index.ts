export {
  type ArbitrageSignal,
  type ArbitrageWatch,
  INITIAL_ARBITRAGE_WATCH,
  watchTrackingError,
} from "./arbitrage-signal";
export {
  type BsInput,
  bsGreeks,
  bsPrice,
  intrinsicTicks,
  normCdf,
  normPdf,
  theoTicks,
} from "./black-scholes";
export { HEADLINES, type Headline, type HeadlineKind, type JumpDirection } from "./headlines";
export { type HedgeFundSignal, issueForecast } from "./hedge-fund-signal";
export { MarketSim } from "./market-sim";
export {
  drawHeadline,
  drawOutcome,
  type EventOutcome,
  type ScheduledNews,
  scheduleSessionNews,
} from "./news-schedule";
export { naturalTransition, regimeVol } from "./regimes";
export { chooseInstrument, drawSize, limitPrice, type RetailInstrument } from "./retail-choice";
export { planRetailTick, type RetailMarket, type RetailOrder } from "./retail-flow";
export { Rng, type RngState } from "./rng";
export { type ClockPosition, clockAt, sessionSeconds, yearsForSeconds } from "./sim-clock";
export { DEFAULT_SIM_CONFIG, REGIMES, type Regime, type SimConfig } from "./sim-config";
export {
  initialSimState,
  type NewsEvent,
  type SimState,
  type SimStep,
  STREAMS,
  type StreamName,
} from "./sim-state";
export { initialSpyState, type SpyState } from "./spy-tracking";
