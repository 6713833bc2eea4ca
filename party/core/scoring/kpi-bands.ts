import type { TeamRole } from "./team-role";

export type BandName = "excellent" | "good" | "acceptable" | "poor";

/**
 * Fixed bands of a KPI (GAME.md §12.3), on its integer value: `higher` means v ≥ threshold reaches the band,
 * `lower` means v ≤ threshold. Strict limits of the spec are written as the next integer ("> 60 %" on bp =
 * 6,001). Points per band default to excellent 100, good 80, acceptable 60, poor 30 (GAME.md §12.4), in bp.
 */
export type BandSpec = {
  better: "higher" | "lower";
  excellent: number;
  good: number;
  acceptable: number;
  points?: { excellent: number; good: number; acceptable: number; poor: number };
};

export const DEFAULT_BAND_POINTS = {
  excellent: 10_000,
  good: 8_000,
  acceptable: 6_000,
  poor: 3_000,
} as const;

export function bandOf(value: number, spec: BandSpec): BandName {
  const reaches = (threshold: number) => (spec.better === "higher" ? value >= threshold : value <= threshold);
  if (reaches(spec.excellent)) return "excellent";
  if (reaches(spec.good)) return "good";
  if (reaches(spec.acceptable)) return "acceptable";
  return "poor";
}

export function bandPoints(band: BandName, spec: BandSpec): number {
  return (spec.points ?? DEFAULT_BAND_POINTS)[band];
}

/** A 5-minute tick in game ms: the unit of signal response bands. */
export const TICK_MS = 300_000;

/** The bands of GAME.md §12.3, by KPI. Units: bp for shares, thousandths for ratios (Sharpe, turnover ×), ms. */
export const BANDS = {
  /** MM spread capture efficiency: > 60 % / 40–60 / 25–40 / < 25. */
  spreadCapture: { better: "higher", excellent: 6_001, good: 4_000, acceptable: 2_500 },
  /** MM quote uptime: ≥ 95 % full marks, 85–95 → 90 %, 80–85 → 75 %, < 80 severe (30). */
  quoteUptime: {
    better: "higher",
    excellent: 9_500,
    good: 8_500,
    acceptable: 8_000,
    points: { excellent: 10_000, good: 9_000, acceptable: 7_500, poor: 3_000 },
  },
  /** MM volume share: > 40 % / 25–40 / 15–25 / < 15. */
  volumeShare: { better: "higher", excellent: 4_001, good: 2_500, acceptable: 1_500 },
  /** MM inventory turnover per session (×, thousandths): > 20× / 10–20 / 5–10 / < 5. */
  inventoryTurnover: { better: "higher", excellent: 20_001, good: 10_000, acceptable: 5_000 },
  /** HF total P&L as return on reference capital: > 15 % / 10–15 / 5–10 / < 5. */
  returnOnCapital: { better: "higher", excellent: 1_501, good: 1_000, acceptable: 500 },
  /** HF signals acted on profitably: > 80 % / 60–80 / 40–60 / < 40. */
  signalUtilisation: { better: "higher", excellent: 8_001, good: 6_000, acceptable: 4_000 },
  /** Arb mean signal response: ≤ 1 tick full, 2–3 ticks 80, 4–5 ticks 60, slower 30. */
  signalResponse: { better: "lower", excellent: TICK_MS, good: 3 * TICK_MS, acceptable: 5 * TICK_MS },
} as const satisfies Record<string, BandSpec>;

/** Sharpe bands (thousandths): MM > 3 / 2–3 / 1–2 / < 1; HF > 2.5 / 1.5–2.5 / 0.8–1.5 / < 0.8; Arb "> 2.5" as HF. */
export const SHARPE_BANDS: Record<TeamRole, BandSpec> = {
  market_maker: { better: "higher", excellent: 3_001, good: 2_000, acceptable: 1_000 },
  hedge_fund: { better: "higher", excellent: 2_501, good: 1_500, acceptable: 800 },
  arbitrage_desk: { better: "higher", excellent: 2_501, good: 1_500, acceptable: 800 },
};

/** Max drawdown bands (bp of capital): MM < 5 % / 5–10 / 10–15 / > 15; HF < 10 / 10–15 / 15–20 / > 20; Arb as MM. */
export const DRAWDOWN_BANDS: Record<TeamRole, BandSpec> = {
  market_maker: { better: "lower", excellent: 499, good: 1_000, acceptable: 1_500 },
  hedge_fund: { better: "lower", excellent: 999, good: 1_500, acceptable: 2_000 },
  arbitrage_desk: { better: "lower", excellent: 499, good: 1_000, acceptable: 1_500 },
};
