import { z } from "zod";

const Limit = (label: string, max: number) =>
  z
    .number({ error: `${label} is a whole number of contracts` })
    .int(`${label} is a whole number of contracts`)
    .min(1, `${label} is at least 1`)
    .max(max, `${label} is at most ${max}`);
const RoleLimit = z.object({
  perInstrument: Limit("The per-option limit", 10_000),
  total: Limit("The total limit", 100_000),
});

/**
 * What an instructor may tune before a game starts (GAME.md §13; defaults from DECISIONS.md). Percentages and
 * counts are integers; the room derives the simulation's and the exchange's configurations from it.
 */
export const GameConfig = z.object({
  /** Mean simulated retail orders per 5-minute tick, all retail accounts together (0 turns retail off). */
  retailOrdersPerTick: z
    .number()
    .int()
    .min(0, "Retail orders per tick: 0 to 10")
    .max(10, "Retail orders per tick: 0 to 10"),
  /** Accuracy of the hedge fund's volatility forecast and of the arbitrage desk's tracking signal, in %. */
  hedgeFundAccuracyPct: z
    .number()
    .int()
    .min(50, "Signal accuracy: 50 to 100%")
    .max(100, "Signal accuracy: 50 to 100%"),
  arbitrageAccuracyPct: z
    .number()
    .int()
    .min(50, "Signal accuracy: 50 to 100%")
    .max(100, "Signal accuracy: 50 to 100%"),
  /** Volatility multiplier in % (GAME.md §9.2: 50 in practice weeks, 100 normally, 120 in the finals). */
  volatilityPct: z.number().int().min(25, "Volatility: 25 to 300%").max(300, "Volatility: 25 to 300%"),
  limits: z.object({ market_maker: RoleLimit, hedge_fund: RoleLimit, arbitrage_desk: RoleLimit }),
});
export type GameConfig = z.infer<typeof GameConfig>;

/** DECISIONS.md defaults (the room-engine tests check they match the simulation's and the risk service's). */
export const DEFAULT_GAME_CONFIG: GameConfig = {
  retailOrdersPerTick: 3,
  hedgeFundAccuracyPct: 66,
  arbitrageAccuracyPct: 80,
  volatilityPct: 100,
  limits: {
    market_maker: { perInstrument: 50, total: 200 },
    hedge_fund: { perInstrument: 150, total: 500 },
    arbitrage_desk: { perInstrument: 100, total: 300 },
  },
};
