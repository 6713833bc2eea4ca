/**
 * The bot API as the editor presents it: each member of `bot` with its signature and a line of documentation.
 * The sandbox prelude (party/bots/prelude.ts) implements exactly these; prices are integer ticks ($0.01),
 * quantities whole contracts.
 */
export type BotApiMember = { name: string; signature: string; doc: string; kind: "read" | "action" };

export const BOT_API_MEMBERS: readonly BotApiMember[] = [
  { name: "instruments", signature: "(): string[]", doc: "Symbols of every listed option.", kind: "read" },
  {
    name: "theo",
    signature: "(symbol: string): number | null",
    doc: "Black–Scholes value in ticks at the published 20% reference volatility, from the live underlying (the game's own values stay hidden).",
    kind: "read",
  },
  {
    name: "position",
    signature: "(symbol: string): number",
    doc: "Your net position in contracts (long > 0).",
    kind: "read",
  },
  { name: "positions", signature: "(): Record<string, number>", doc: "All your positions.", kind: "read" },
  { name: "orders", signature: "(): OpenOrder[]", doc: "Your working orders.", kind: "read" },
  {
    name: "book",
    signature: "(symbol: string): { bids: [price, qty][]; asks: [price, qty][] }",
    doc: "The L2 book, best first.",
    kind: "read",
  },
  {
    name: "clock",
    signature: "(): { phase: string; gameTime: number; session: number }",
    doc: "Phase and game time.",
    kind: "read",
  },
  {
    name: "state",
    signature: "Record<string, unknown>",
    doc: "Your bot's own memory, kept between callbacks.",
    kind: "read",
  },
  {
    name: "place",
    signature:
      '(order: { instrument; side: "buy" | "sell"; orderType: "limit" | "market"; price?; quantity; tif?: "gtc" | "ioc" }): void',
    doc: "Sends an order through the same limits as everyone.",
    kind: "action",
  },
  {
    name: "cancel",
    signature: "(orderId: string): void",
    doc: "Cancels one of your orders.",
    kind: "action",
  },
  {
    name: "cancelAll",
    signature: "(instrument?: string): void",
    doc: "Cancels all your orders (on one option).",
    kind: "action",
  },
  {
    name: "quote",
    signature: "(symbol, bid: { price; quantity }, ask: { price; quantity }): void",
    doc: "Market makers: a two-sided quote that replaces your previous one.",
    kind: "action",
  },
  {
    name: "cancelQuote",
    signature: "(symbol: string): void",
    doc: "Pulls your quote on one option.",
    kind: "action",
  },
  {
    name: "setTimer",
    signature: "(everyMs: number): void",
    doc: "Calls onTimer every everyMs (≥ 250).",
    kind: "action",
  },
  {
    name: "log",
    signature: "(...parts: unknown[]): void",
    doc: "A line in your bot's log (rate-limited).",
    kind: "action",
  },
];

/** Handlers a bot may export, with the event each receives after `bot`. */
export const BOT_HANDLERS: readonly { name: string; doc: string }[] = [
  { name: "onStart", doc: "Once, when the bot starts." },
  { name: "onBook", doc: "A book changed: { instrument, bids, asks }." },
  { name: "onTrade", doc: "A public trade: { instrument, price, quantity, aggressor }." },
  {
    name: "onFill",
    doc: "One of your orders filled: { orderId, instrument, side, price, quantity, feeCents }.",
  },
  { name: "onOrderResult", doc: "Accepted or rejected: { cid, status, code?, message? }." },
  { name: "onNews", doc: "A headline: { headline }." },
  { name: "onSignal", doc: "Your role's private signal: { kind, payload }." },
  { name: "onTimer", doc: "Your timer fired (see bot.setTimer)." },
  { name: "onPhase", doc: "The market phase changed: { phase }." },
];
