#!/usr/bin/env node
/**
 * An external bot for outcry over the HTTP API, in plain Node (18+, no dependencies). Any language works the same
 * way: send the team's API key in `X-API-Key`, read with GET, trade with POST …/api/commands.
 *
 *   node examples/external-bot.mjs --rooms http://localhost:1988 --game <game id> --key oc_… [--symbol SPX_…]
 *
 * Every few seconds it reads its positions and the book of one option and keeps a small two-sided market around
 * the mid (a market maker's quote) or, for other roles, a bid one tick under the best bid. Prices are integer
 * ticks ($0.01), quantities whole contracts.
 */

/** One call of the HTTP API; throws with the room's code and message on an error status. */
export async function api(options, path, body) {
  const url = `${options.rooms}/parties/main/game-${options.game}/api/${path}`;
  const response = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers: { "x-api-key": options.key, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${json.code}: ${json.message}`);
  return json;
}

let counter = 0;
const cid = () => `ext-${Date.now().toString(36)}-${counter++}`;

/** One decision: returns what it sent and what the room answered. */
export async function stepOnce(options) {
  const { positions } = await api(options, "positions");
  const book = await api(options, `book?instrument=${encodeURIComponent(options.symbol)}`);
  const bid = book.bids[0]?.[0] ?? null;
  const ask = book.asks[0]?.[0] ?? null;
  const position = positions.find((p) => p.instrument === options.symbol)?.position ?? 0;
  const mid =
    bid !== null && ask !== null ? Math.floor((bid + ask) / 2) : (bid ?? ask ?? options.fallbackTicks);
  const skew = -Math.sign(position); // lean against inventory
  // Half-spread of 4% of mid (at least 2 ticks): the quote rules allow at most 10% of mid (or 5 ticks).
  const half = Math.max(2, Math.floor(mid / 25));
  const command =
    options.role === "market_maker"
      ? {
          type: "quote",
          cid: cid(),
          instrument: options.symbol,
          bid: { price: Math.max(1, mid - half + skew), quantity: 10 },
          ask: { price: mid + half + skew, quantity: 10 },
        }
      : {
          type: "place_order",
          cid: cid(),
          instrument: options.symbol,
          side: "buy",
          orderType: "limit",
          price: Math.max(1, (bid ?? mid) - 1),
          quantity: 1,
          tif: "ioc",
        };
  return { command, answer: await api(options, "commands", command) };
}

function parseArgs(argv) {
  const args = Object.fromEntries(
    argv.flatMap((arg, i) => (arg.startsWith("--") ? [[arg.slice(2), argv[i + 1]]] : [])),
  );
  if (!args.game || !args.key) {
    console.error(
      "usage: node examples/external-bot.mjs --game <id> --key <api key> [--rooms URL] [--symbol S]",
    );
    process.exit(2);
  }
  return {
    rooms: args.rooms ?? "http://localhost:1988",
    game: args.game,
    key: args.key,
    symbol: args.symbol ?? "SPX_4400_CALL_2024-02-15",
    role: args.role ?? "market_maker",
    fallbackTicks: Number(args.fallback ?? 5_000),
    everyMs: Number(args.every ?? 3_000),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseArgs(process.argv.slice(2));
  for (;;) {
    try {
      const { command, answer } = await stepOnce(options);
      const result = answer.results[0];
      console.log(
        command.type,
        result.status,
        result.status === "rejected" ? `${result.code}: ${result.message}` : "",
      );
    } catch (error) {
      console.error(error.message);
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
  }
}
