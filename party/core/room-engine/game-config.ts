import { defaultExchangeConfig, type ExchangeConfig } from "../exchange";
import { DEFAULT_SIM_CONFIG, type SimConfig } from "../market-sim";
import type { GameConfig } from "../protocol";

/** The simulation's configuration for a game's settings. */
export function simConfigFor(config: GameConfig): SimConfig {
  return {
    ...DEFAULT_SIM_CONFIG,
    volMultiplier: config.volatilityPct / 100,
    hedgeFundSignal: { ...DEFAULT_SIM_CONFIG.hedgeFundSignal, accuracy: config.hedgeFundAccuracyPct / 100 },
    arbitrageSignal: { ...DEFAULT_SIM_CONFIG.arbitrageSignal, accuracy: config.arbitrageAccuracyPct / 100 },
    retail: { ...DEFAULT_SIM_CONFIG.retail, ordersPerTick: config.retailOrdersPerTick },
  };
}

/** The exchange's configuration for a game's settings: role limits from the settings, the rest as DECISIONS.md. */
export function exchangeConfigFor(instruments: readonly string[], config: GameConfig): ExchangeConfig {
  const base = defaultExchangeConfig(instruments);
  return {
    ...base,
    limits: {
      ...base.limits,
      market_maker: { ...base.limits.market_maker, ...config.limits.market_maker },
      hedge_fund: { ...base.limits.hedge_fund, ...config.limits.hedge_fund },
      arbitrage_desk: { ...base.limits.arbitrage_desk, ...config.limits.arbitrage_desk },
    },
  };
}
