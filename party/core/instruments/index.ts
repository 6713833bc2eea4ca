export { buildChain, type ChainInstrument, PRESETS, type Preset, strikesFor, weeklyExpiry } from "./chain";
export { type Cents, cents, type Lots, lots, notional, type Ticks, ticks } from "./money";
export {
  formatStrike,
  formatSymbol,
  type OptionSpec,
  type OptionType,
  parseSymbol,
  type Underlying,
} from "./symbol";
