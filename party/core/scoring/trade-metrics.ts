import { TICK_MS } from "./kpi-bands";
import { BP } from "./scoring-math";

const MULTIPLIER = 100;

/** One of a team's fills as the KPIs need it. Prices ticks, fees signed cents (+ rebate, − fee). */
export type KpiFill = {
  atMs: number;
  instrument: string;
  side: "buy" | "sell";
  price: number;
  quantity: number;
  liquidity: "maker" | "taker" | "auction";
  feeCents: number;
  /** The instrument's reference value when it filled: mid (else theo), ticks. */
  refTicks: number;
  /** Market makers: the team's own quoted spread on the instrument when it filled (ticks); absent = unknown. */
  quotedSpreadTicks?: number | null;
  /** The signal this trade answers; absent = attributed by `attributeSignals`, null = none. */
  signalId?: string | null;
};

/** A signal delivered to the team (hedge fund forecast, arbitrage tracking signal). */
export type SignalEvent = { id: string; atMs: number };

const signed = (f: KpiFill) => (f.side === "buy" ? f.quantity : -f.quantity);

/** A fill's result at final marks, fee included (cents): (mark − price) × signed × 100 + fee. */
export function fillResultCents(f: KpiFill, finalMarks: Readonly<Record<string, number>>): number {
  const mark = finalMarks[f.instrument] ?? f.refTicks;
  return (mark - f.price) * signed(f) * MULTIPLIER + f.feeCents;
}

/**
 * Spread capture efficiency (GAME.md §12.3, bp): per round trip (sell − buy) − mid move equals the sum of each
 * leg's edge against the mid at its fill, and a full capture earns the quoted spread once per round trip, i.e.
 * half of it per leg. So efficiency = Σ edge × q / Σ (spread / 2) × q over fills with a known quoted spread.
 */
export function spreadCaptureBp(fills: readonly KpiFill[]): number | null {
  let edge = 0;
  let spread = 0;
  for (const f of fills) {
    if (!f.quotedSpreadTicks || f.quotedSpreadTicks <= 0) continue;
    edge += (f.refTicks - f.price) * signed(f);
    spread += f.quotedSpreadTicks * f.quantity;
  }
  return spread === 0 ? null : Math.floor((2 * edge * BP) / spread);
}

/**
 * GAME.md §12.3 attribution rule: a trade is a signal trade if it happens within 5 ticks after a signal the team
 * received; it answers the latest such signal. Fills with an explicit `signalId` (or null) keep it.
 */
export function attributeSignals(
  fills: readonly KpiFill[],
  signals: readonly SignalEvent[],
  windowMs = 5 * TICK_MS,
): KpiFill[] {
  const ordered = [...signals].sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return fills.map((f) => {
    if (f.signalId !== undefined) return f;
    let answer: string | null = null;
    for (const s of ordered) if (s.atMs <= f.atMs && f.atMs - s.atMs <= windowMs) answer = s.id;
    return { ...f, signalId: answer };
  });
}

/** Signals acted on profitably (their trades' result at final marks > 0) / signals received, bp. */
export function signalUtilisationBp(
  fills: readonly KpiFill[],
  signals: readonly SignalEvent[],
  finalMarks: Readonly<Record<string, number>>,
): number | null {
  if (signals.length === 0) return null;
  const result = new Map<string, number>();
  for (const f of fills)
    if (f.signalId) result.set(f.signalId, (result.get(f.signalId) ?? 0) + fillResultCents(f, finalMarks));
  let profitable = 0;
  for (const s of signals) if ((result.get(s.id) ?? 0) > 0) profitable++;
  return Math.floor((profitable * BP) / signals.length);
}

/** Mean time from a signal to the first trade answering it (ms, floored), over answered signals; null if none. */
export function signalResponseMs(fills: readonly KpiFill[], signals: readonly SignalEvent[]): number | null {
  let total = 0;
  let answered = 0;
  for (const s of signals) {
    let first: number | null = null;
    for (const f of fills)
      if (f.signalId === s.id && f.atMs >= s.atMs && (first === null || f.atMs < first)) first = f.atMs;
    if (first === null) continue;
    total += first - s.atMs;
    answered++;
  }
  return answered === 0 ? null : Math.floor(total / answered);
}

/**
 * Round trips (GAME.md §12.3): a run of trades that takes the option book from flat back to flat. Its P&L is
 * realised: Σ −signed × price × 100 + fees. A book not flat at the start counts only from its first flat moment.
 */
export function roundTrips(
  fills: readonly KpiFill[],
  startPositions: Readonly<Record<string, number>> = {},
): { count: number; pnlCents: number; profitable: number } {
  const position = new Map(Object.entries(startPositions).filter(([, q]) => q !== 0));
  const ordered = fills.map((f, i) => ({ f, i })).sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i);
  let counting = position.size === 0;
  let trip = 0;
  const out = { count: 0, pnlCents: 0, profitable: 0 };
  for (const { f } of ordered) {
    const q = (position.get(f.instrument) ?? 0) + signed(f);
    if (q === 0) position.delete(f.instrument);
    else position.set(f.instrument, q);
    trip += -signed(f) * f.price * MULTIPLIER + f.feeCents;
    if (position.size > 0) continue;
    if (counting) {
      out.count++;
      out.pnlCents += trip;
      if (trip > 0) out.profitable++;
    }
    counting = true;
    trip = 0;
  }
  return out;
}

/** Contracts traded by the team. */
export function volumeOf(fills: readonly KpiFill[]): number {
  return fills.reduce((n, f) => n + f.quantity, 0);
}
