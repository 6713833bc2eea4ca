"use client";

import { memo, useMemo, useState } from "react";
import { secondsToExpiry } from "@/party/core/game-clock";
import { formatStrike } from "@/party/core/instruments";
import { DEFAULT_SIM_CONFIG, theoTicks, yearsForSeconds } from "@/party/core/market-sim";
import type { ClockView, InstrumentInfo, PositionView } from "@/party/core/protocol";
import { formatTicks } from "../../../_lib/format";
import type { Book } from "./market-state";

type Props = {
  instruments: InstrumentInfo[];
  books: Record<string, Book>;
  lastPrice: Record<string, number>;
  positions: Record<string, PositionView>;
  selected: string | null;
  onSelect: (symbol: string) => void;
  underlying: { spxTicks: number; spyTicks: number } | null;
  clock: ClockView | null;
};

/**
 * Strikes × calls/puts for one underlying and expiry at a time; click a cell to trade that option. Each option's
 * cells are a memoised component of plain numbers, so a depth change re-renders only the option it touched.
 */
export const OptionChain = memo(function OptionChain({
  instruments,
  books,
  lastPrice,
  positions,
  selected,
  onSelect,
  underlying,
  clock,
}: Props) {
  const series = useMemo(() => seriesOf(instruments), [instruments]);
  const [chosen, setChosen] = useState<string | null>(null);
  // The game's own theoretical values are never published (GAME.md §9.6): this is the trader's own
  // Black–Scholes at a volatility of their choosing, from the public underlying and the game clock.
  const [volText, setVolText] = useState("20");
  const vol = /^\d{1,3}$/.test(volText) && Number(volText) > 0 ? Number(volText) / 100 : null;
  const byName = useMemo(() => new Map(instruments.map((i) => [i.symbol, i])), [instruments]);
  const theoOf = (symbol: string): number | null => {
    const info = byName.get(symbol);
    if (!info || !underlying || !clock || vol === null) return null;
    const seconds = secondsToExpiry(info.expiry, clock.session, clock.gameTime);
    return theoTicks({
      spotTicks: info.underlying === "SPX" ? underlying.spxTicks : underlying.spyTicks,
      strikeTicks: info.strike,
      years: yearsForSeconds(DEFAULT_SIM_CONFIG, seconds),
      vol,
      call: info.optionType === "call",
    });
  };
  const current = series.find((s) => s.key === chosen) ?? series[0];
  if (!current) return <p className="muted">The option chain appears when the game starts.</p>;

  const cell = (symbol: string | undefined) => {
    if (!symbol) return <td colSpan={5} />;
    const book = books[symbol];
    return (
      <ChainCells
        symbol={symbol}
        bid={book?.bids[0]?.[0]}
        ask={book?.asks[0]?.[0]}
        last={lastPrice[symbol]}
        position={positions[symbol]?.position ?? 0}
        theo={theoOf(symbol)}
        selected={symbol === selected}
        onSelect={onSelect}
      />
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
      <label className="inline small muted">
        Your theo at vol %
        <input
          className="num"
          inputMode="numeric"
          size={3}
          value={volText}
          aria-label="Volatility for your theoretical values, percent"
          onChange={(e) => setVolText(e.target.value)}
        />
      </label>
      <table className="chain-grid">
        <thead>
          <tr>
            <th colSpan={5}>Calls · pos / bid / ask / last / theo</th>
            <th>Strike</th>
            <th colSpan={5}>Puts · pos / bid / ask / last / theo</th>
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
});

/** One option's five cells: position, bid, ask, last (the button that selects it) and the trader's theo. */
const ChainCells = memo(function ChainCells({
  symbol,
  bid,
  ask,
  last,
  position,
  theo,
  selected,
  onSelect,
}: {
  symbol: string;
  bid: number | undefined;
  ask: number | undefined;
  last: number | undefined;
  position: number;
  theo: number | null;
  selected: boolean;
  onSelect: (symbol: string) => void;
}) {
  return (
    <>
      <td className={`num pos ${position > 0 ? "long" : position < 0 ? "short" : ""}`}>
        {position === 0 ? "" : position}
      </td>
      <td className="num bid">{bid === undefined ? "–" : formatTicks(bid)}</td>
      <td className="num ask">{ask === undefined ? "–" : formatTicks(ask)}</td>
      <td className="num">
        <button
          type="button"
          className={`chain-pick ${selected ? "selected" : ""}`}
          aria-label={`Trade ${symbol}`}
          aria-pressed={selected}
          onClick={() => onSelect(symbol)}
        >
          {last === undefined ? "·" : formatTicks(last)}
        </button>
      </td>
      <td className="num muted theo">{theo === null ? "" : formatTicks(theo)}</td>
    </>
  );
});

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
