import { DEFAULT_FEES } from "../ledger";
import { DEFAULT_RATE, DEFAULT_ROLE_LIMITS } from "../risk";
import type { ExchangeConfig } from "./types";

/** The DECISIONS.md defaults for a chain of listed instruments; a game's configuration may override any of it. */
export function defaultExchangeConfig(instruments: readonly string[]): ExchangeConfig {
  return {
    instruments,
    fees: DEFAULT_FEES,
    limits: DEFAULT_ROLE_LIMITS,
    rate: DEFAULT_RATE,
    priceBand: { min: 1, max: 1_000_000 },
    markMaxSpreadBp: 1_000,
  };
}
