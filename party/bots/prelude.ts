/**
 * Code evaluated inside the sandbox before the bot: the `bot` API object. Reads come from `__view` (JSON the host
 * sets before each callback); actions and logs go into arrays the host reads back as JSON after the callback.
 * Nothing else is exposed: QuickJS has no fetch, require, process, timers or I/O.
 */
export const PRELUDE = `
"use strict";
const __parse = JSON.parse;
const __stringify = JSON.stringify;
let __view = {};
let __actions = [];
let __logs = [];
const __state = {};
const bot = Object.freeze({
  instruments: () => (__view.instruments || []).slice(),
  theo: (symbol) => (__view.theo && symbol in __view.theo ? __view.theo[symbol] : null),
  position: (symbol) => (__view.positions && __view.positions[symbol]) || 0,
  positions: () => Object.assign({}, __view.positions || {}),
  orders: () => (__view.orders || []).slice(),
  book: (symbol) => (__view.books && __view.books[symbol]) || { bids: [], asks: [] },
  clock: () => Object.assign({}, __view.clock || {}),
  state: __state,
  place: (order) => { __actions.push(Object.assign({ type: "place_order", tif: "gtc" }, order)); },
  cancel: (orderId) => { __actions.push({ type: "cancel_order", orderId: String(orderId) }); },
  cancelAll: (instrument) => { __actions.push(instrument === undefined ? { type: "cancel_all" } : { type: "cancel_all", instrument }); },
  quote: (instrument, bid, ask) => { __actions.push({ type: "quote", instrument, bid, ask }); },
  cancelQuote: (instrument) => { __actions.push({ type: "cancel_quote", instrument }); },
  setTimer: (everyMs) => { __actions.push({ type: "set_timer", everyMs }); },
  log: (...parts) => { __logs.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" ")); },
});
globalThis.bot = bot;
globalThis.__begin = (viewJson) => { __view = __parse(viewJson); __actions = []; __logs = []; };
globalThis.__end = () => __stringify({ actions: __actions, logs: __logs });
`;
