import { formatSymbol, type OptionSpec, type Underlying } from "./symbol";

/** Moneyness in basis points of spot (GAME.md §3.2 / DECISIONS.md presets). */
export const PRESETS = {
  compact: { moneynessBp: [9_800, 9_900, 10_000, 10_100, 10_200], expiryWeeks: [1, 2, 4] },
  full: {
    moneynessBp: [
      7_000, 7_500, 8_000, 8_500, 9_000, 9_500, 9_750, 10_000, 10_250, 10_500, 11_000, 11_500, 12_000, 12_500,
      13_000,
    ],
    expiryWeeks: [1, 2, 3, 4],
  },
} as const;
export type Preset = keyof typeof PRESETS;

/** Strikes are rounded to $10 on SPX and $1 on SPY. */
const STRIKE_STEP_CENTS: Record<Underlying, number> = { SPX: 1_000, SPY: 100 };

/** Strikes (cents) for one underlying at a spot (cents): round(m × spot) to the step, duplicates removed, ascending. */
export function strikesFor(
  underlying: Underlying,
  spotCents: number,
  moneynessBp: readonly number[],
): number[] {
  const step = STRIKE_STEP_CENTS[underlying];
  const strikes = moneynessBp.map((m) => Math.round((m * spotCents) / (10_000 * step)) * step);
  return [...new Set(strikes)].sort((a, b) => a - b);
}

/** Thursday of week `week` (1-based) of a programme whose first session is the Tuesday `startIso`. */
export function weeklyExpiry(startIso: string, week: number): string {
  const [y, m, d] = startIso.split("-").map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d) / 86_400_000 + 2 + 7 * (week - 1);
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export type ChainInstrument = OptionSpec & { readonly symbol: string };

/** The listed option chain of a preset: calls and puts on SPX and SPY for every strike and expiry. */
export function buildChain(input: {
  preset: Preset;
  startIso: string;
  spotCents: Record<Underlying, number>;
}): ChainInstrument[] {
  const { moneynessBp, expiryWeeks } = PRESETS[input.preset];
  const out: ChainInstrument[] = [];
  for (const underlying of ["SPX", "SPY"] as const) {
    const strikes = strikesFor(underlying, input.spotCents[underlying], moneynessBp);
    for (const week of expiryWeeks) {
      const expiry = weeklyExpiry(input.startIso, week);
      for (const strikeCents of strikes) {
        for (const optionType of ["call", "put"] as const) {
          const spec = { underlying, strikeCents, optionType, expiry };
          out.push({ ...spec, symbol: formatSymbol(spec) });
        }
      }
    }
  }
  return out;
}
