import type { ComplianceConfig } from "./compliance-config";
import type { ListedInstrument, OwnQuote } from "./compliance-types";

type MmRules = ComplianceConfig["marketMaker"];

/**
 * Whether one option counts as quoted (GAME.md §11.2): a bid and an ask with ask > bid, ask − bid ≤ max(10 % of
 * mid, 5 ticks) and at least 10 contracts at each. 10 % of mid = (bid + ask) / 20, compared exactly in integers.
 */
export function isQuoted(quote: OwnQuote | undefined, rules: MmRules): boolean {
  if (!quote || quote.bid === null || quote.ask === null) return false;
  if (quote.bidQty < rules.minQuoteSize || quote.askQty < rules.minQuoteSize) return false;
  const spread = quote.ask - quote.bid;
  if (spread <= 0) return false;
  const withinMid = spread * 2 * 10_000 <= rules.maxSpreadBpOfMid * (quote.bid + quote.ask);
  return withinMid || spread <= rules.minMaxSpreadTicks;
}

/** Required options: every listed option except those whose known theoretical value is under the exemption. */
export function isRequired(instrument: ListedInstrument, rules: MmRules): boolean {
  return instrument.theoTicks === null || instrument.theoTicks >= rules.exemptBelowTheoTicks;
}

/** How many required options the team quotes now, and how many are required. */
export function quoteCoverage(
  quotes: Readonly<Record<string, OwnQuote>> | undefined,
  instruments: readonly ListedInstrument[],
  rules: MmRules,
): { quoted: number; required: number } {
  let quoted = 0;
  let required = 0;
  for (const instrument of instruments) {
    if (!isRequired(instrument, rules)) continue;
    required++;
    if (isQuoted(quotes?.[instrument.symbol], rules)) quoted++;
  }
  return { quoted, required };
}

/**
 * A team's own best bid and ask per option from its resting orders, with the contracts remaining at those prices:
 * the `quotes` of a market maker's sample.
 */
export function ownBestQuotes(
  orders: readonly { instrument: string; side: "buy" | "sell"; price: number; remaining: number }[],
): Record<string, OwnQuote> {
  const best: Record<string, OwnQuote> = {};
  for (const o of orders) {
    if (o.remaining <= 0) continue;
    const q = best[o.instrument] ?? { bid: null, ask: null, bidQty: 0, askQty: 0 };
    best[o.instrument] = q;
    if (o.side === "buy") {
      if (q.bid === null || o.price > q.bid) {
        q.bid = o.price;
        q.bidQty = o.remaining;
      } else if (o.price === q.bid) q.bidQty += o.remaining;
    } else if (q.ask === null || o.price < q.ask) {
      q.ask = o.price;
      q.askQty = o.remaining;
    } else if (o.price === q.ask) q.askQty += o.remaining;
  }
  return best;
}
