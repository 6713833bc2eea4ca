/**
 * Starter bots per role, shown as templates in the editor. They use the bot API (`bot.*` actions and reads;
 * handlers named after events). Prices are integer ticks ($0.01), quantities contracts.
 */
export type StarterRole = "market_maker" | "hedge_fund" | "arbitrage_desk";

const MARKET_MAKER = `// Market maker starter: keep two-sided quotes around the value on the options nearest the money,
// skewed against inventory so positions drift back to flat. Limits count quotes worst case (size 10 on
// 16 options uses 160 of the 200 total), and the exchange allows 20 orders a second (a quote counts as
// two), so it re-quotes a few options per second, and only when the price moved.
const SIZE = 10;
const HALF_SPREAD = 0.04; // 4% of value each side (the obligation allows at most 10% of mid in total)
const OPTIONS = 16;
const PER_SECOND = 6;

export function onStart(bot) {
  bot.state.next = 0;
  bot.state.quoted = {};
  bot.log("market maker starting on", bot.instruments().length, "options");
  bot.setTimer(1_000);
}

/** The options worth most (nearest the money, nearest expiry first in the chain order) that are worth quoting. */
function chosen(bot) {
  return bot
    .instruments()
    .filter((s) => (bot.theo(s) ?? 0) >= 20)
    .sort((a, b) => bot.theo(b) - bot.theo(a))
    .slice(0, OPTIONS);
}

export function onTimer(bot) {
  if (bot.clock().phase !== "continuous") return;
  const symbols = chosen(bot);
  for (let n = 0; n < Math.min(PER_SECOND, symbols.length); n++) {
    const symbol = symbols[(bot.state.next + n) % symbols.length];
    const theo = bot.theo(symbol);
    const position = bot.position(symbol);
    const skew = Math.round(-position * 0.002 * theo);
    const half = Math.max(2, Math.round(theo * HALF_SPREAD));
    const bid = Math.max(1, theo - half + skew);
    const ask = Math.max(bid + 1, theo + half + skew);
    const key = bid + "/" + ask;
    if (bot.state.quoted[symbol] === key) continue;
    bot.quote(symbol, { price: bid, quantity: SIZE }, { price: ask, quantity: SIZE });
    bot.state.quoted[symbol] = key;
  }
  bot.state.next = (bot.state.next + PER_SECOND) % Math.max(1, symbols.length);
}

export function onFill(bot, fill) {
  bot.state.quoted[fill.instrument] = null; // re-quote the filled option next time round
  bot.log("filled", fill.side, fill.quantity, fill.instrument, "@", fill.price);
}
`;

const HEDGE_FUND = `// Hedge fund starter: act on the volatility forecast. Before a volatile regime options are worth more
// than a 20% volatility says, so buy a little when one is offered well below that value; before a calm one,
// sell a little well above it. One side per option only, small size, at most 3 orders a second.
const EDGE = 0.1; // 10% of value
const PER_SECOND = 3;

export function onStart(bot) {
  bot.state.view = "neutral";
  bot.state.left = PER_SECOND;
  bot.setTimer(1_000);
}

export function onSignal(bot, signal) {
  if (signal.kind !== "volatility_forecast") return;
  bot.state.view = signal.payload.predictedRegime ?? "neutral";
  bot.log("forecast:", bot.state.view);
}

export function onTimer(bot) {
  bot.state.left = PER_SECOND;
}

export function onBook(bot, book) {
  const theo = bot.theo(book.instrument);
  if (theo === null || theo < 20 || bot.state.left <= 0 || bot.clock().phase !== "continuous") return;
  const bestAsk = book.asks[0];
  const bestBid = book.bids[0];
  const position = bot.position(book.instrument);
  if (bot.state.view === "high" && bestAsk && bestAsk[0] < theo * (1 - EDGE) && position >= 0 && position < 20) {
    bot.place({ instrument: book.instrument, side: "buy", orderType: "limit", price: bestAsk[0], quantity: 5, tif: "ioc" });
    bot.state.left--;
  }
  if (bot.state.view === "low" && bestBid && bestBid[0] > theo * (1 + EDGE) && position <= 0 && position > -20) {
    bot.place({ instrument: book.instrument, side: "sell", orderType: "limit", price: bestBid[0], quantity: 5, tif: "ioc" });
    bot.state.left--;
  }
}
`;

const ARBITRAGE = `// Arbitrage desk starter: when an option trades away from its value, take the cheap side in small size
// (1 SPX contract ~ 10 SPY contracts of notional). At most 3 orders a second: the exchange allows 20 and
// the sandbox stops a bot above 40.
const EDGE = 5; // ticks of edge required
const PER_SECOND = 3;

export function onStart(bot) {
  bot.state.left = PER_SECOND;
  bot.setTimer(1_000);
}

export function onTimer(bot) {
  bot.state.left = PER_SECOND;
}

export function onBook(bot, book) {
  const theo = bot.theo(book.instrument);
  if (theo === null || bot.clock().phase !== "continuous" || bot.state.left <= 0) return;
  const bestAsk = book.asks[0];
  const bestBid = book.bids[0];
  if (bestAsk && bestAsk[0] + EDGE <= theo && bot.position(book.instrument) < 10) {
    bot.place({ instrument: book.instrument, side: "buy", orderType: "limit", price: bestAsk[0], quantity: 1, tif: "ioc" });
    bot.state.left--;
  } else if (bestBid && bestBid[0] - EDGE >= theo && bot.position(book.instrument) > -10) {
    bot.place({ instrument: book.instrument, side: "sell", orderType: "limit", price: bestBid[0], quantity: 1, tif: "ioc" });
    bot.state.left--;
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
