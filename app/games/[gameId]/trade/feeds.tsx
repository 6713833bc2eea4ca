"use client";

import { memo } from "react";
import type { ClockView, ServerMessage } from "@/party/core/protocol";
import { formatTicks } from "../../../_lib/format";
import { instrumentLabel } from "../../../_lib/instrument-label";
import type { Trade } from "./market-state";

const PHASE_LABEL: Record<ClockView["phase"], string> = {
  closed: "Closed",
  pre_open: "Pre-open",
  opening_auction: "Opening auction",
  continuous: "Continuous trading",
  paused: "Paused",
};

/** Game time as HH:MM:SS (game-epoch ms in the game's own zone). */
export function formatGameTime(ms: number): string {
  const seconds = Math.floor(ms / 1000) % 86_400;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return `${hh}:${mm}:${ss}`;
}

/** Phase, game clock and speed, plus the connection state. */
export const ClockBar = memo(function ClockBar({
  clock,
  status,
}: {
  clock: ClockView | null;
  status: string;
}) {
  return (
    <div className="clockbar" role="status" aria-label="Market status">
      <span className={`pill ${status === "open" ? "live" : "down"}`} data-testid="room-status">
        {status === "open" ? "Live" : status === "refused" ? "Not connected" : "Reconnecting…"}
      </span>
      <span data-testid="phase">
        {clock ? PHASE_LABEL[clock.paused ? "paused" : clock.phase] : "Waiting for the game"}
      </span>
      {clock ? (
        <>
          <span className="num">session {clock.session}</span>
          <span className="num" data-testid="game-clock">
            {formatGameTime(clock.gameTime)}
          </span>
          <span className="num muted">×{clock.speed}</span>
        </>
      ) : null}
    </div>
  );
});

/** Public trades tape, newest first. Lines are memoised by print. */
export const TradeTape = memo(function TradeTape({ trades }: { trades: Trade[] }) {
  const rows = trades.slice(-30).reverse();
  return (
    <section className="panel tight" aria-label="Trades">
      <h2>Tape</h2>
      {rows.length === 0 ? (
        <p className="muted">No trades yet.</p>
      ) : (
        <ul className="tape">
          {rows.map((t) => (
            <TapeLine key={t.tradeId} trade={t} />
          ))}
        </ul>
      )}
    </section>
  );
});

const TapeLine = memo(function TapeLine({ trade: t }: { trade: Trade }) {
  return (
    <li className={t.aggressor === "buy" ? "bid" : t.aggressor === "sell" ? "ask" : ""}>
      <span className="num">{formatGameTime(t.at)}</span>{" "}
      <span className="num" title={t.instrument}>
        {instrumentLabel(t.instrument)}
      </span>{" "}
      <span className="num">
        {t.quantity} @ {formatTicks(t.price)}
      </span>
    </li>
  );
});

/** Headlines for everyone; private signals for the roles that get them. */
export const NewsAndSignals = memo(function NewsAndSignals({
  news,
  signals,
}: {
  news: { id: string; headline: string; at: number }[];
  signals: Extract<ServerMessage, { type: "signal" }>[];
}) {
  return (
    <section className="panel tight" aria-label="News and signals">
      <h2>News</h2>
      {news.length === 0 ? (
        <p className="muted">No headlines yet.</p>
      ) : (
        <ul className="news">
          {news
            .slice(-10)
            .reverse()
            .map((n) => (
              <li key={n.id}>
                <span className="num muted">{formatGameTime(n.at)}</span> {n.headline}
              </li>
            ))}
        </ul>
      )}
      {signals.length > 0 ? (
        <>
          <h2>Signals (private)</h2>
          <ul className="news">
            {signals
              .slice(-5)
              .reverse()
              .map((s) => (
                <li key={`${s.at}-${s.kind}`}>
                  <span className="num muted">{formatGameTime(s.at)}</span> {s.kind.replace("_", " ")}:{" "}
                  <span className="num">{JSON.stringify(s.payload)}</span>
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
});
