"use client";

import { type FormEvent, memo, useEffect, useRef, useState } from "react";
import type { Side } from "@/party/core/protocol";
import { formatTicks, parsePriceToTicks, parseQuantity } from "../../../_lib/format";
import { instrumentLabel } from "../../../_lib/instrument-label";
import type { CommandOutcome } from "./market-state";
import type { TradingCommandInput } from "./use-game";

export type TicketPreset = { price: number; side: Side; nonce: number } | null;

/**
 * The order ticket: buy/sell, limit/market/IOC, quantity and price. Shortcuts when not typing: B buy, S sell;
 * Enter sends; Esc clears. Clicking a price in the book or chain fills it in.
 */
export const OrderTicket = memo(function OrderTicket({
  symbol,
  preset,
  send,
  outcomes,
}: {
  symbol: string | null;
  preset: TicketPreset;
  send: (command: TradingCommandInput) => string | null;
  outcomes: Record<string, CommandOutcome>;
}) {
  const [side, setSide] = useState<Side>("buy");
  const [kind, setKind] = useState<"limit" | "market" | "ioc">("limit");
  const [quantity, setQuantity] = useState("10");
  const [price, setPrice] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [lastCid, setLastCid] = useState<string | null>(null);
  const quantityRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!preset) return;
    setSide(preset.side);
    setPrice(formatTicks(preset.price));
    if (kind === "market") setKind("limit");
    quantityRef.current?.focus();
  }, [preset, kind]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) {
        if (e.key === "Escape") {
          setPrice("");
          setLocalError(null);
        }
        return;
      }
      if (e.key === "b" || e.key === "B") setSide("buy");
      else if (e.key === "s" || e.key === "S") setSide("sell");
      else return;
      quantityRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    if (!symbol) return setLocalError("Select an option first.");
    const qty = parseQuantity(quantity);
    if (qty === null) return setLocalError("Quantity must be a whole number of contracts.");
    const ticks = kind === "market" ? undefined : parsePriceToTicks(price);
    if (ticks === null) return setLocalError("Price must be in dollars and cents, e.g. 12.35.");
    const cid = send({
      type: "place_order",
      instrument: symbol,
      side,
      orderType: kind === "market" ? "market" : "limit",
      tif: kind === "ioc" ? "ioc" : "gtc",
      quantity: qty,
      ...(ticks === undefined ? {} : { price: ticks }),
    });
    if (cid === null) setLocalError("Not connected to the exchange.");
    setLastCid(cid);
  }

  const outcome = lastCid ? outcomes[lastCid] : undefined;
  return (
    <form className="ticket" onSubmit={submit} aria-label="Order ticket">
      <div className="ticket-symbol num" title={symbol ?? undefined}>
        {symbol ? instrumentLabel(symbol) : "no option selected"}
      </div>
      <fieldset className="side-toggle" aria-label="Side">
        {(["buy", "sell"] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={side === s}
            className={`side ${s} ${side === s ? "on" : ""}`}
            onClick={() => setSide(s)}
          >
            {s === "buy" ? "Buy (B)" : "Sell (S)"}
          </button>
        ))}
      </fieldset>
      <label>
        Type
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="limit">Limit (rests for the session)</option>
          <option value="ioc">Limit IOC (fill now or cancel)</option>
          <option value="market">Market</option>
        </select>
      </label>
      <div className="row">
        <label>
          Quantity
          <input
            ref={quantityRef}
            className="num"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </label>
        <label>
          Price
          <input
            className="num"
            inputMode="decimal"
            value={kind === "market" ? "" : price}
            placeholder={kind === "market" ? "market" : "0.00"}
            disabled={kind === "market"}
            onChange={(e) => setPrice(e.target.value)}
          />
        </label>
      </div>
      <button type="submit" className={`send ${side}`}>
        {side === "buy" ? "Buy" : "Sell"} {quantity || "?"}{" "}
        {kind === "market" ? "at market" : `@ ${price || "?"}`}
      </button>
      <div className="ticket-status" aria-live="polite">
        {localError ? (
          <p className="error" role="alert">
            {localError}
          </p>
        ) : outcome?.status === "rejected" ? (
          <p className="error" role="alert" data-testid="ticket-rejection">
            {outcome.message} <span className="muted">({outcome.code})</span>
          </p>
        ) : outcome?.status === "accepted" ? (
          <p className="ok">Accepted · order {outcome.orderIds.join(", ")}</p>
        ) : null}
      </div>
    </form>
  );
});
