"use client";

import { memo } from "react";
import { formatTicks } from "../../../_lib/format";
import type { Book } from "./market-state";

const DEPTH = 8;

/** The selected option's book: asks above, bids below; click a price to put it in the ticket. */
export const OrderLadder = memo(function OrderLadder({
  symbol,
  book,
  onPrice,
}: {
  symbol: string | null;
  book: Book | undefined;
  onPrice: (price: number, side: "buy" | "sell") => void;
}) {
  if (!symbol) return <p className="muted">Select an option in the chain.</p>;
  const asks = (book?.asks ?? []).slice(0, DEPTH).reverse();
  const bids = (book?.bids ?? []).slice(0, DEPTH);
  const spread = book?.asks[0] && book?.bids[0] ? book.asks[0][0] - book.bids[0][0] : null;
  return (
    <table className="ladder" aria-label={`Order book ${symbol}`}>
      <thead>
        <tr>
          <th>Bid qty</th>
          <th>Price</th>
          <th>Ask qty</th>
        </tr>
      </thead>
      <tbody>
        {asks.map(([price, qty]) => (
          <tr key={`a${price}`}>
            <td />
            <td>
              <button type="button" className="num price ask" onClick={() => onPrice(price, "buy")}>
                {formatTicks(price)}
              </button>
            </td>
            <td className="num ask">{qty}</td>
          </tr>
        ))}
        <tr className="spread">
          <td colSpan={3} className="muted num">
            {spread === null ? "no two-sided market" : `spread ${formatTicks(spread)}`}
          </td>
        </tr>
        {bids.map(([price, qty]) => (
          <tr key={`b${price}`}>
            <td className="num bid">{qty}</td>
            <td>
              <button type="button" className="num price bid" onClick={() => onPrice(price, "sell")}>
                {formatTicks(price)}
              </button>
            </td>
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  );
});
