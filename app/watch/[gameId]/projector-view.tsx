"use client";

import { formatPnl, formatTicks } from "../../_lib/format";
import { instrumentLabel } from "../../_lib/instrument-label";
import { ClockBar } from "../../games/[gameId]/trade/feeds";
import { UnderlyingChart } from "../../games/[gameId]/trade/underlying-chart";
import { useGame } from "../../games/[gameId]/trade/use-game";

/** Leaderboard, SPX chart, biggest trades and a news ticker, sized for a projector across the room. */
export function ProjectorView({ gameId, viewKey }: { gameId: string; viewKey: string }) {
  const { state } = useGame(gameId, viewKey);
  const { market } = state;
  const biggest = [...market.trades].sort((a, b) => b.quantity * b.price - a.quantity * a.price).slice(0, 6);
  const latestNews = market.news.at(-1);
  return (
    <div className="projector">
      {state.status === "refused" ? (
        <p className="error" role="alert">
          {state.error}
        </p>
      ) : null}
      <ClockBar clock={market.clock} status={state.status} />
      <div className="projector-grid">
        <section className="panel" aria-label="Leaderboard">
          <h2>Leaderboard</h2>
          {market.leaderboard.length === 0 ? (
            <p className="muted">Standings appear once trading starts.</p>
          ) : (
            <ol className="leaderboard" data-testid="leaderboard">
              {market.leaderboard.map((row, i) => (
                <li key={row.teamId}>
                  <span className="rank num">{i + 1}</span>
                  <span className="team">{row.name}</span>
                  <span className="muted role">{row.role.replace("_", " ")}</span>
                  <span className={`num pnl ${row.pnlCents >= 0 ? "bid" : "ask"}`}>
                    {formatPnl(row.pnlCents)}
                  </span>
                  <span className="num muted score" title="Live quantitative score (of 100)">
                    {row.scoreBp === null ? "" : (row.scoreBp / 100).toFixed(1)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <UnderlyingChart points={market.underlying} />
        <section className="panel" aria-label="Biggest trades">
          <h2>Biggest trades</h2>
          {biggest.length === 0 ? (
            <p className="muted">No trades yet.</p>
          ) : (
            <ul className="big-trades">
              {biggest.map((t) => (
                <li key={t.tradeId} className="num">
                  {t.quantity} × {instrumentLabel(t.instrument)} @ {formatTicks(t.price)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="ticker" aria-live="polite" data-testid="news-ticker">
        {latestNews ? latestNews.headline : "No news yet."}
      </div>
    </div>
  );
}
