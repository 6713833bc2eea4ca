import { COMPLIANCE, portfolioSample } from "@/party/core/compliance";
import { secondsToExpiry, sessionAt } from "@/party/core/game-clock";
import type { PositionView } from "@/party/core/protocol";
import { type PortfolioGreeks, portfolioGreeks } from "./debrief-greeks";
import { estimateSettlement, expiryCloseMs } from "./debrief-settlement";

/**
 * A team's debrief from its game records (pure, integer cents). Walks its fills and the game's marks in seq order:
 * P&L over time = cash + Σ position × mark × 100 + fees, sampled at every mark time; attribution splits the final
 * P&L exactly into spread capture (each fill's edge against the mark of the moment), fees, settlement (options held
 * into expiry: settlement price − last mark, debrief-settlement.ts) and inventory (everything else: the marks moving
 * while positions were held). Prices are ticks, money cents.
 */
export type DebriefFill = {
  seq: number;
  at: number;
  instrument: string;
  side: "buy" | "sell";
  price: number;
  quantity: number;
  feeCents: number;
  source: "manual" | "bot" | "api" | "sim";
  tradeId: string;
};
export type DebriefMark = { seq: number; at: number; instrument: string; markTicks: number };
export type DebriefCoverage = { at: number; coverageBp: number };

export type TradeResult = DebriefFill & { edgeCents: number; resultCents: number };

export type Debrief = {
  pnlCents: number;
  /**
   * At every mark time: P&L, portfolio delta (SPX-equivalent contracts, GAME.md §8.4), the other greeks
   * (debrief-greeks.ts: gamma per 1% move ×1000, vega in cents per vol point, theta in cents per session) and the
   * SPX/SPY notional ratio.
   */
  series: ({ at: number; pnlCents: number; delta: number; ratioBp: number | null; singleLeg: boolean } & Omit<
    PortfolioGreeks,
    "deltaMilli"
  >)[];
  /**
   * Compliance breaches (GAME.md §11): hedge fund delta and arbitrage pair balance found in the series, market
   * maker windows under the coverage threshold from the room's coverage records.
   */
  breaches: { at: number; code: "HF_DELTA" | "ARB_PAIR_BALANCE" | "MM_QUOTE_COVERAGE"; value: string }[];
  /** A market maker's quote coverage per 5-minute window (bp), as the room measured it. */
  coverage: DebriefCoverage[];
  attribution: { spreadCents: number; inventoryCents: number; feesCents: number; settlementCents: number };
  bySource: Record<string, { fills: number; contracts: number; spreadCents: number; feesCents: number }>;
  best: TradeResult[];
  worst: TradeResult[];
  positions: { instrument: string; position: number; markTicks: number | null }[];
  /** Options held into expiry, closed at their settlement price (`cashCents` = position × price × 100). */
  settlements: { at: number; instrument: string; position: number; priceTicks: number; cashCents: number }[];
};

const MULTIPLIER = 100;

export function computeDebrief(
  fills: readonly DebriefFill[],
  marks: readonly DebriefMark[],
  role: string = "market_maker",
  coverage: readonly DebriefCoverage[] = [],
): Debrief {
  const events = [
    ...fills.map((f) => ({ kind: "fill" as const, seq: f.seq, fill: f })),
    ...marks.map((m) => ({ kind: "mark" as const, seq: m.seq, mark: m })),
  ].sort((a, b) => a.seq - b.seq);

  const mark = new Map<string, number>();
  const position = new Map<string, number>();
  let cash = 0;
  let fees = 0;
  let spread = 0;
  let settlement = 0;
  const settled = new Set<string>();
  const settlements: Debrief["settlements"] = [];
  const series: Debrief["series"] = [];
  const bySource: Debrief["bySource"] = {};
  const results: (DebriefFill & { edgeCents: number })[] = [];
  const risk = (at: number) => {
    const spx = mark.get("SPX");
    const spy = mark.get("SPY");
    if (spx === undefined || spy === undefined)
      return { delta: 0, ratioBp: null, singleLeg: false, gammaMilli: 0, vegaCents: 0, thetaCents: 0 };
    const views = [...position].map(
      ([instrument, q]): PositionView => ({
        instrument,
        position: q,
        averagePrice: 0,
        realisedCents: 0,
        unrealisedCents: 0,
        markTicks: null,
      }),
    );
    const session = sessionAt(at);
    const sample = portfolioSample(views, { spxTicks: spx, spyTicks: spy }, (expiry) =>
      secondsToExpiry(expiry, session, at),
    );
    const ratioBp =
      sample.spyNotionalCents === 0
        ? null
        : Math.floor((sample.spxNotionalCents * 10_000) / sample.spyNotionalCents);
    const singleLeg = (sample.spxNotionalCents === 0) !== (sample.spyNotionalCents === 0);
    const { gammaMilli, vegaCents, thetaCents } = portfolioGreeks(
      position,
      { spxTicks: spx, spyTicks: spy },
      (expiry) => secondsToExpiry(expiry, session, at),
    );
    return {
      delta: Math.round(sample.delta),
      ratioBp: singleLeg ? null : ratioBp,
      singleLeg,
      gammaMilli,
      vegaCents,
      thetaCents,
    };
  };
  const breaches: Debrief["breaches"] = [];
  const value = () => {
    let v = cash + fees;
    for (const [instrument, q] of position) v += q * (mark.get(instrument) ?? 0) * MULTIPLIER;
    return v;
  };

  /** Settles held options whose expiry close is before `at` (or at it, when `atClose`: the run ends there). */
  const settleDue = (at: number, atClose: boolean) => {
    for (const [instrument, q] of position) {
      const close = expiryCloseMs(instrument);
      if (close === null || settled.has(instrument) || close > at || (close === at && !atClose)) continue;
      settled.add(instrument);
      const last = mark.get(instrument) ?? 0;
      const price = estimateSettlement(instrument, mark) ?? last;
      settlement += q * (price - last) * MULTIPLIER;
      cash += q * price * MULTIPLIER;
      mark.set(instrument, price);
      position.set(instrument, 0);
      if (q !== 0) {
        const cashCents = price === 0 ? 0 : q * price * MULTIPLIER; // never −0
        settlements.push({ at: close, instrument, position: q, priceTicks: price, cashCents });
      }
    }
  };

  for (const e of events) {
    settleDue(e.kind === "mark" ? e.mark.at : e.fill.at, false);
    if (e.kind === "mark") {
      mark.set(e.mark.instrument, e.mark.markTicks);
      const r = risk(e.mark.at);
      const point = { at: e.mark.at, pnlCents: value(), ...r };
      const last = series.at(-1);
      if (last && last.at === e.mark.at) Object.assign(last, point);
      else series.push(point);
      continue;
    }
    const f = e.fill;
    const signed = f.side === "buy" ? f.quantity : -f.quantity;
    const ref = mark.get(f.instrument) ?? f.price;
    // Edge: bought under (or sold over) the mark of the moment.
    const edgeCents = (ref - f.price) * signed * MULTIPLIER;
    cash -= signed * f.price * MULTIPLIER;
    fees += f.feeCents;
    spread += edgeCents;
    // Until the next mark, value the instrument at its last mark (or this fill's price when it has none yet).
    if (!mark.has(f.instrument)) mark.set(f.instrument, f.price);
    position.set(f.instrument, (position.get(f.instrument) ?? 0) + signed);
    const s = bySource[f.source] ?? { fills: 0, contracts: 0, spreadCents: 0, feesCents: 0 };
    bySource[f.source] = s;
    s.fills++;
    s.contracts += f.quantity;
    s.spreadCents += edgeCents;
    s.feesCents += f.feeCents;
    results.push({ ...f, edgeCents });
  }

  // Breaches at each mark time (a 5-minute boundary), as the live monitor measures them.
  for (const p of series) {
    if (role === "hedge_fund" && Math.abs(p.delta) > COMPLIANCE.hfDeltaLimit) {
      breaches.push({ at: p.at, code: "HF_DELTA", value: `Δ = ${p.delta}` });
    }
    if (role === "arbitrage_desk" && p.singleLeg) {
      breaches.push({ at: p.at, code: "ARB_PAIR_BALANCE", value: "one leg only" });
    } else if (role === "arbitrage_desk" && p.ratioBp !== null) {
      if (p.ratioBp < COMPLIANCE.arbMinRatioBp || p.ratioBp > COMPLIANCE.arbMaxRatioBp) {
        breaches.push({
          at: p.at,
          code: "ARB_PAIR_BALANCE",
          value: `ratio ${(p.ratioBp / 10_000).toFixed(2)}`,
        });
      }
    }
  }
  for (const c of coverage) {
    if (c.coverageBp < COMPLIANCE.mmWindowMinBp) {
      breaches.push({
        at: c.at,
        code: "MM_QUOTE_COVERAGE",
        value: `${Math.floor(c.coverageBp / 100)}% quoted`,
      });
    }
  }
  breaches.sort((a, b) => a.at - b.at);
  const lastAt = events.reduce((at, e) => Math.max(at, e.kind === "mark" ? e.mark.at : e.fill.at), 0);
  settleDue(lastAt, true);
  const pnlCents = value();
  const lastPoint = series.at(-1);
  if (lastPoint && lastPoint.at >= lastAt) lastPoint.pnlCents = pnlCents;
  else if (events.length > 0) series.push({ at: lastAt, pnlCents, ...risk(lastAt) });
  const withResult: TradeResult[] = results.map((r) => {
    const final = mark.get(r.instrument) ?? r.price;
    const signed = r.side === "buy" ? r.quantity : -r.quantity;
    return { ...r, resultCents: (final - r.price) * signed * MULTIPLIER + r.feeCents };
  });
  const ranked = [...withResult].sort((a, b) => b.resultCents - a.resultCents || a.seq - b.seq);
  return {
    pnlCents,
    series,
    breaches,
    attribution: {
      spreadCents: spread,
      feesCents: fees,
      settlementCents: settlement,
      inventoryCents: pnlCents - spread - fees - settlement,
    },
    bySource,
    coverage: [...coverage],
    best: ranked.slice(0, 5).filter((r) => r.resultCents > 0),
    worst: ranked
      .slice(-5)
      .reverse()
      .filter((r) => r.resultCents < 0),
    positions: [...position]
      .filter(([, q]) => q !== 0)
      .map(([instrument, q]) => ({ instrument, position: q, markTicks: mark.get(instrument) ?? null })),
    settlements,
  };
}
