"use client";

import { useMemo, useState } from "react";
import { formatStrike } from "@/party/core/instruments";
import type { InstrumentInfo, PositionView } from "@/party/core/protocol";
import { formatTicks } from "../../../_lib/format";
import type { Book } from "./market-state";

type Props = {
  instruments: InstrumentInfo[];
  books: Record<string, Book>;
  lastPrice: Record<string, number>;
  positions: Record<string, PositionView>;
  selected: string | null;
  onSelect: (symbol: string) => void;
};

/** Strikes × calls/puts for one underlying and expiry at a time; click a cell to trade that option. */
export function OptionChain({ instruments, books, lastPrice, positions, selected, onSelect }: Props) {
  const series = useMemo(() => seriesOf(instruments), [instruments]);
  const [chosen, setChosen] = useState<string | null>(null);
  const current = series.find((s) => s.key === chosen) ?? series[0];
  if (!current) return <p className="muted">The option chain appears when the game starts.</p>;

  const cell = (symbol: string | undefined) => {
    if (!symbol) return <td colSpan={4} />;
    const book = books[symbol];
    const bid = book?.bids[0]?.[0];
    const ask = book?.asks[0]?.[0];
    const last = lastPrice[symbol];
    const pos = positions[symbol]?.position ?? 0;
    const isSelected = symbol === selected;
    return (
      <>
        <td className={`num pos ${pos > 0 ? "long" : pos < 0 ? "short" : ""}`}>{pos === 0 ? "" : pos}</td>
        <td className="num bid">{bid === undefined ? "–" : formatTicks(bid)}</td>
        <td className="num ask">{ask === undefined ? "–" : formatTicks(ask)}</td>
        <td className="num">
          <button
            type="button"
            className={`chain-pick ${isSelected ? "selected" : ""}`}
            aria-label={`Trade ${symbol}`}
            aria-pressed={isSelected}
            onClick={() => onSelect(symbol)}
          >
            {last === undefined ? "·" : formatTicks(last)}
          </button>
        </td>
      </>
    );
  };

  return (
    <div className="chain">
      <div className="tabs" role="tablist" aria-label="Expiries">
        {series.map((s) => (
          <button
            key={s.key}
            type="button"
            role="tab"
            aria-selected={s.key === current.key}
            className={s.key === current.key ? "tab active" : "tab"}
            onClick={() => setChosen(s.key)}
          >
            {s.underlying} {s.expiry}
          </button>
        ))}
      </div>
      <table className="chain-grid">
        <thead>
          <tr>
            <th colSpan={4}>Calls · pos / bid / ask / last</th>
            <th>Strike</th>
            <th colSpan={4}>Puts · pos / bid / ask / last</th>
          </tr>
        </thead>
        <tbody>
          {current.strikes.map((row) => (
            <tr key={row.strike}>
              {cell(row.call)}
              <th scope="row" className="num strike">
                {formatStrike(row.strike)}
              </th>
              {cell(row.put)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Series = {
  key: string;
  underlying: string;
  expiry: string;
  strikes: { strike: number; call?: string; put?: string }[];
};

function seriesOf(instruments: InstrumentInfo[]): Series[] {
  const byKey = new Map<string, Series>();
  for (const i of instruments) {
    const key = `${i.underlying} ${i.expiry}`;
    let s = byKey.get(key);
    if (!s) {
      s = { key, underlying: i.underlying, expiry: i.expiry, strikes: [] };
      byKey.set(key, s);
    }
    let row = s.strikes.find((r) => r.strike === i.strike);
    if (!row) {
      row = { strike: i.strike };
      s.strikes.push(row);
    }
    row[i.optionType] = i.symbol;
  }
  const all = [...byKey.values()];
  for (const s of all) s.strikes.sort((a, b) => a.strike - b.strike);
  return all.sort((a, b) => a.underlying.localeCompare(b.underlying) || a.expiry.localeCompare(b.expiry));
}
