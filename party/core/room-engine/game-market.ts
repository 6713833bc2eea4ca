import { Exchange, type ExchangeState } from "../exchange";
import { buildChain, parseSymbol } from "../instruments";
import { DEFAULT_GAME_CONFIG, type GameConfig, type InstrumentInfo, type RoomSetup } from "../protocol";
import { exchangeConfigFor } from "./game-config";

/** Where every game's market starts (GAME.md §3.1, §9.2): SPX 4,400.00, SPY 440.00, programme from Tue 13 Feb 2024. */
export const MARKET_START = {
  startIso: "2024-02-13",
  spotCents: { SPX: 440_000, SPY: 44_000 },
} as const;

/** Simulated retail accounts (DECISIONS.md: three by default). */
export const RETAIL_ACCOUNTS = ["retail-1", "retail-2", "retail-3"] as const;

export function chainFor(setup: RoomSetup): string[] {
  return buildChain({ preset: setup.preset, ...MARKET_START }).map((i) => i.symbol);
}

/** A fresh exchange for a game, or the one in `state`; every team and retail account opened. */
export function marketFor(
  setup: RoomSetup,
  state?: ExchangeState,
  config: GameConfig = DEFAULT_GAME_CONFIG,
): Exchange {
  const exchange = new Exchange(exchangeConfigFor(chainFor(setup), config), state);
  if (!state) {
    for (const account of RETAIL_ACCOUNTS) exchange.handle({ type: "open_account", account, role: "retail" });
  }
  openTeams(exchange, setup);
  return exchange;
}

export function openTeams(exchange: Exchange, setup: RoomSetup) {
  for (const team of setup.teams)
    exchange.handle({ type: "open_account", account: team.id, role: team.role });
}

export function instrumentInfo(symbol: string): InstrumentInfo | null {
  const spec = parseSymbol(symbol);
  if (!spec) return null;
  return {
    symbol,
    underlying: spec.underlying,
    strike: spec.strikeCents,
    optionType: spec.optionType,
    expiry: spec.expiry,
  };
}
