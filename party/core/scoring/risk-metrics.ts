import { BP, roundFloat } from "./scoring-math";

/** A team's P&L at one moment (normally each 5-minute tick boundary), cents since the period started from 0. */
export type PnlSample = {
  atMs: number;
  session: number;
  pnlCents: number;
  /** Σ |position| over options at that moment (contracts), for inventory turnover; optional. */
  grossContracts?: number;
};

/** Net P&L of each session in order: the session's last sample minus the previous session's (the first: − start). */
export function sessionPnls(samples: readonly PnlSample[], startPnlCents = 0): number[] {
  const last = new Map<number, PnlSample>();
  for (const s of samples) {
    const seen = last.get(s.session);
    if (!seen || s.atMs >= seen.atMs) last.set(s.session, s);
  }
  const sessions = [...last.keys()].sort((a, b) => a - b);
  let previous = startPnlCents;
  return sessions.map((session) => {
    const end = (last.get(session) as PnlSample).pnlCents;
    const pnl = end - previous;
    previous = end;
    return pnl;
  });
}

/**
 * Annualised Sharpe in thousandths (GAME.md §12.4): mean / sd of session returns × √sessionsPerYear, a return
 * being the session's P&L / reference capital (the capital cancels out). Sample sd (n − 1). Null with fewer than
 * two sessions or no variation.
 */
export function sharpeMilli(sessionPnlCents: readonly number[], sessionsPerYear = 252): number | null {
  const n = sessionPnlCents.length;
  if (n < 2) return null;
  const mean = sessionPnlCents.reduce((s, x) => s + x, 0) / n;
  const variance = sessionPnlCents.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  if (variance === 0) return null;
  return roundFloat((mean / Math.sqrt(variance)) * Math.sqrt(sessionsPerYear) * 1_000);
}

/**
 * Maximum drawdown in bp (GAME.md §12.4): max over t of (peak − V(t)) / peak with V = capital + P&L, the peak taken
 * over V(0) = capital + start and every sample up to t (in time order). Floored; 10,000 once the peak is ≤ 0.
 */
export function maxDrawdownBp(
  samples: readonly PnlSample[],
  referenceCapitalCents: number,
  startPnlCents = 0,
): number {
  const ordered = samples.map((s, i) => ({ s, i })).sort((a, b) => a.s.atMs - b.s.atMs || a.i - b.i);
  let peak = referenceCapitalCents + startPnlCents;
  let worst = 0;
  for (const { s } of ordered) {
    const value = referenceCapitalCents + s.pnlCents;
    peak = Math.max(peak, value);
    const bp = peak <= 0 ? BP : Math.floor(((peak - value) * BP) / peak);
    worst = Math.max(worst, Math.min(BP, bp));
  }
  return worst;
}
