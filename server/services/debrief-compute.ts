/**
 * A team's debrief from its game records (pure, integer cents). Walks its fills and the game's marks in seq order:
 * P&L over time = cash + Σ position × mark × 100 + fees, sampled at every mark time; attribution splits the final
 * P&L exactly into spread capture (each fill's edge against the mark of the moment), fees, and inventory (everything
 * else: the marks moving while positions were held). Prices are ticks, money cents.
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

export type TradeResult = DebriefFill & { edgeCents: number; resultCents: number };

export type Debrief = {
  pnlCents: number;
  series: { at: number; pnlCents: number }[];
  attribution: { spreadCents: number; inventoryCents: number; feesCents: number };
  bySource: Record<string, { fills: number; contracts: number; spreadCents: number; feesCents: number }>;
  best: TradeResult[];
  worst: TradeResult[];
  positions: { instrument: string; position: number; markTicks: number | null }[];
};

const MULTIPLIER = 100;

export function computeDebrief(fills: readonly DebriefFill[], marks: readonly DebriefMark[]): Debrief {
  const events = [
    ...fills.map((f) => ({ kind: "fill" as const, seq: f.seq, fill: f })),
    ...marks.map((m) => ({ kind: "mark" as const, seq: m.seq, mark: m })),
  ].sort((a, b) => a.seq - b.seq);

  const mark = new Map<string, number>();
  const position = new Map<string, number>();
  let cash = 0;
  let fees = 0;
  let spread = 0;
  const series: Debrief["series"] = [];
  const bySource: Debrief["bySource"] = {};
  const results: (DebriefFill & { edgeCents: number })[] = [];
  const value = () => {
    let v = cash + fees;
    for (const [instrument, q] of position) v += q * (mark.get(instrument) ?? 0) * MULTIPLIER;
    return v;
  };

  for (const e of events) {
    if (e.kind === "mark") {
      mark.set(e.mark.instrument, e.mark.markTicks);
      const last = series.at(-1);
      if (last && last.at === e.mark.at) last.pnlCents = value();
      else series.push({ at: e.mark.at, pnlCents: value() });
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

  const pnlCents = value();
  const withResult: TradeResult[] = results.map((r) => {
    const final = mark.get(r.instrument) ?? r.price;
    const signed = r.side === "buy" ? r.quantity : -r.quantity;
    return { ...r, resultCents: (final - r.price) * signed * MULTIPLIER + r.feeCents };
  });
  const ranked = [...withResult].sort((a, b) => b.resultCents - a.resultCents || a.seq - b.seq);
  return {
    pnlCents,
    series,
    attribution: { spreadCents: spread, feesCents: fees, inventoryCents: pnlCents - spread - fees },
    bySource,
    best: ranked.slice(0, 5).filter((r) => r.resultCents > 0),
    worst: ranked
      .slice(-5)
      .reverse()
      .filter((r) => r.resultCents < 0),
    positions: [...position]
      .filter(([, q]) => q !== 0)
      .map(([instrument, q]) => ({ instrument, position: q, markTicks: mark.get(instrument) ?? null })),
  };
}
