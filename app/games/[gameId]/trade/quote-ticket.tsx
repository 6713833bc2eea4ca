"use client";

import { type FormEvent, memo, useState } from "react";
import { parsePriceToTicks, parseQuantity } from "../../../_lib/format";
import type { CommandOutcome } from "./market-state";
import type { TradingCommandInput } from "./use-game";

/** Market makers quote both sides at once; a new quote replaces the previous one on that option. */
export const QuoteTicket = memo(function QuoteTicket({
  symbol,
  send,
  outcomes,
}: {
  symbol: string | null;
  send: (command: TradingCommandInput) => string | null;
  outcomes: Record<string, CommandOutcome>;
}) {
  const [bid, setBid] = useState("");
  const [ask, setAsk] = useState("");
  const [size, setSize] = useState("10");
  const [error, setError] = useState<string | null>(null);
  const [lastCid, setLastCid] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!symbol) return setError("Select an option first.");
    const bidTicks = parsePriceToTicks(bid);
    const askTicks = parsePriceToTicks(ask);
    const quantity = parseQuantity(size);
    if (bidTicks === null || askTicks === null) return setError("Prices must be in dollars and cents.");
    if (quantity === null) return setError("Size must be a whole number of contracts.");
    const cid = send({
      type: "quote",
      instrument: symbol,
      bid: { price: bidTicks, quantity },
      ask: { price: askTicks, quantity },
    });
    if (cid === null) setError("Not connected to the exchange.");
    setLastCid(cid);
  }

  const outcome = lastCid ? outcomes[lastCid] : undefined;
  return (
    <form className="ticket" onSubmit={submit} aria-label="Quote ticket">
      <h2>Quote</h2>
      <div className="row">
        <label>
          Bid
          <input className="num" inputMode="decimal" value={bid} onChange={(e) => setBid(e.target.value)} />
        </label>
        <label>
          Ask
          <input className="num" inputMode="decimal" value={ask} onChange={(e) => setAsk(e.target.value)} />
        </label>
        <label>
          Size
          <input className="num" inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <button type="submit">Send quote</button>
        <button
          type="button"
          className="ghost"
          disabled={!symbol}
          onClick={() => symbol && send({ type: "cancel_quote", instrument: symbol })}
        >
          Pull quote
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : outcome?.status === "rejected" ? (
        <p className="error" role="alert">
          {outcome.message} <span className="muted">({outcome.code})</span>
        </p>
      ) : null}
    </form>
  );
});
