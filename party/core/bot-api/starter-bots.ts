/**
 * Starter bots per role, shown as templates in the editor. They use the bot API (`bot.*` actions and reads;
 * handlers named after events). Prices are integer ticks ($0.01), quantities contracts.
 */
export type StarterRole = "market_maker" | "hedge_fund" | "arbitrage_desk";

const MARKET_MAKER = `// Market maker starter: quote every listed option around the theoretical value, small size,
// skewing prices against inventory so positions drift back to flat.
const SIZE = 10;
const HALF_SPREAD = 0.04; // 4% of value each side (the obligation allows at most 10% of mid in total)

export function onStart(bot) {
  bot.log("market maker starting on", bot.instruments().length, "options");
  bot.setTimer(2_000);
}

export function onTimer(bot) {
  if (bot.clock().phase !== "continuous") return;
  for (const symbol of bot.instruments()) {
    const theo = bot.theo(symbol);
    if (theo === null || theo < 20) continue;
    const position = bot.position(symbol);
    const skew = Math.round(-position * 0.002 * theo);
    const half = Math.max(2, Math.round(theo * HALF_SPREAD));
    const bid = Math.max(1, theo - half + skew);
    const ask = Math.max(bid + 1, theo + half + skew);
    bot.quote(symbol, { price: bid, quantity: SIZE }, { price: ask, quantity: SIZE });
  }
}

export function onFill(bot, fill) {
  bot.log("filled", fill.side, fill.quantity, fill.instrument, "@", fill.price);
}
`;

const HEDGE_FUND = `// Hedge fund starter: act on the volatility forecast. Before a calm regime, sell a little premium
// above value; before a volatile one, buy a little below value. One side per option only.
export function onStart(bot) {
  bot.state.view = "neutral";
}

export function onSignal(bot, signal) {
  if (signal.kind !== "volatility_forecast") return;
  bot.state.view = signal.payload.nextRegime ?? "neutral";
  bot.log("forecast:", bot.state.view);
  bot.cancelAll();
}

export function onTimer(bot) {}

export function onBook(bot, book) {
  const theo = bot.theo(book.instrument);
  if (theo === null) return;
  const bestAsk = book.asks[0];
  const bestBid = book.bids[0];
  if (bot.state.view === "high" && bestAsk && bestAsk[0] < theo - 2 && bot.position(book.instrument) < 20) {
    bot.place({ instrument: book.instrument, side: "buy", orderType: "limit", price: bestAsk[0], quantity: 5, tif: "ioc" });
  }
  if (bot.state.view === "low" && bestBid && bestBid[0] > theo + 2 && bot.position(book.instrument) > -20) {
    bot.place({ instrument: book.instrument, side: "sell", orderType: "limit", price: bestBid[0], quantity: 5, tif: "ioc" });
  }
}
`;

const ARBITRAGE = `// Arbitrage desk starter: when an option trades away from its theoretical value, take the cheap side
// in small size and keep SPX and SPY legs balanced (1 SPX contract ~ 10 SPY contracts).
const EDGE = 5; // ticks of edge required

export function onBook(bot, book) {
  const theo = bot.theo(book.instrument);
  if (theo === null || bot.clock().phase !== "continuous") return;
  const bestAsk = book.asks[0];
  const bestBid = book.bids[0];
  if (bestAsk && bestAsk[0] + EDGE <= theo && bot.position(book.instrument) < 10) {
    bot.place({ instrument: book.instrument, side: "buy", orderType: "limit", price: bestAsk[0], quantity: 1, tif: "ioc" });
  } else if (bestBid && bestBid[0] - EDGE >= theo && bot.position(book.instrument) > -10) {
    bot.place({ instrument: book.instrument, side: "sell", orderType: "limit", price: bestBid[0], quantity: 1, tif: "ioc" });
  }
}

export function onSignal(bot, signal) {
  if (signal.kind === "tracking_error") bot.log("tracking error", JSON.stringify(signal.payload));
}
`;

export const STARTER_BOTS: Record<StarterRole, { title: string; code: string }> = {
  market_maker: { title: "Market maker: quote around value", code: MARKET_MAKER },
  hedge_fund: { title: "Hedge fund: trade the volatility forecast", code: HEDGE_FUND },
  arbitrage_desk: { title: "Arbitrage desk: take mispriced options", code: ARBITRAGE },
};
