"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatPnl, formatTicks } from "../../../_lib/format";
import { useTRPC } from "../../../_trpc/client";
import { CoverageChart } from "./coverage-chart";
import { GreeksChart } from "./greeks-chart";
import { PnlChart } from "./pnl-chart";
import { RunPicker } from "./run-picker";

const SOURCE: Record<string, string> = { manual: "By hand", bot: "Bot", api: "API", sim: "Simulation" };

/** After (or during) a game: per team, P&L over time, where it came from, who traded, best and worst trades. */
export function DebriefScreen({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const [run, setRun] = useState<number | undefined>(undefined);
  const debrief = useQuery(trpc.debrief.byGame.queryOptions({ gameId, run }));
  if (debrief.isPending) return <p className="muted">Loading the debrief…</p>;
  if (debrief.error) {
    return (
      <p className="error" role="alert">
        {debrief.error.message}
      </p>
    );
  }
  const { game, teams, runs } = debrief.data;
  return (
    <div className="debrief">
      <section className="panel game-head">
        <h1>Debrief · {game.name}</h1>
        <p className="muted">
          Seed <span className="num">{game.seed}</span> · from the game's records (trades, fills and 5-minute
          marks) · <a href={`/games/${game.id}`}>Back to the floor</a>
        </p>
        <RunPicker runs={runs} selected={debrief.data.run} onSelect={setRun} />
      </section>
      {teams.map((t) => (
        <section key={t.teamId} className="panel" aria-label={`Debrief of ${t.name}`}>
          <div className="row spread-row">
            <h2>
              {t.name} <span className="muted">({t.role.replace("_", " ")})</span>
            </h2>
            <span
              className={`num big ${t.pnlCents >= 0 ? "bid" : "ask"}`}
              data-testid={`debrief-pnl-${t.name}`}
            >
              {formatPnl(t.pnlCents)}
            </span>
          </div>
          {t.scores.length > 0 ? (
            <p className="small" data-testid={`debrief-scores-${t.name}`}>
              {t.scores.map((s) => (
                <span key={`${s.scope}-${s.session}`} className="pill">
                  {s.scope === "final" ? "Final" : `Session ${s.session}`}: {formatPnl(s.pnlCents)} · score{" "}
                  {(s.scoreBp / 100).toFixed(1)}
                </span>
              ))}
            </p>
          ) : null}
          {t.series.length > 1 ? (
            <>
              <PnlChart series={t.series} />
              <h3>Greeks over time</h3>
              <GreeksChart series={t.series} name={t.name} />
              {t.role === "market_maker" ? (
                <>
                  <h3>Quote coverage per 5-minute window</h3>
                  <CoverageChart coverage={t.coverage} name={t.name} />
                </>
              ) : null}
            </>
          ) : (
            <p className="muted">The P&amp;L, delta and greeks charts start after two 5-minute marks.</p>
          )}
          <p className="small" data-testid={`debrief-breaches-${t.name}`}>
            {t.breaches.length === 0
              ? "No compliance breaches at the 5-minute checks."
              : `${t.breaches.length} compliance breaches: ${t.breaches
                  .slice(0, 6)
                  .map((b) => `${new Date(b.at).toISOString().slice(11, 16)} ${b.value}`)
                  .join(" · ")}${t.breaches.length > 6 ? " …" : ""}`}
          </p>
          <div className="grid3">
            <div>
              <h3>Where the P&L came from</h3>
              <dl className="attribution">
                <dt>Spread capture (edge vs the mark when trading)</dt>
                <dd className="num">{formatPnl(t.attribution.spreadCents)}</dd>
                <dt>Inventory (marks moving while holding)</dt>
                <dd className="num">{formatPnl(t.attribution.inventoryCents)}</dd>
                <dt>Fees and rebates</dt>
                <dd className="num">{formatPnl(t.attribution.feesCents)}</dd>
                <dt>Settlement (held into expiry: settlement price vs the last mark)</dt>
                <dd className="num">{formatPnl(t.attribution.settlementCents)}</dd>
              </dl>
              {t.settlements.length > 0 ? (
                <ul className="trades-list" aria-label="Settled at expiry">
                  {t.settlements.map((s) => (
                    <li key={s.instrument} className="num small">
                      {s.position} {s.instrument} settled @ {formatTicks(s.priceTicks)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <div>
              <h3>Who traded</h3>
              <table>
                <thead>
                  <tr>
                    <th>Source</th>
                    <th className="num">Fills</th>
                    <th className="num">Contracts</th>
                    <th className="num">Edge</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(t.bySource).map(([source, s]) => (
                    <tr key={source}>
                      <td>{SOURCE[source] ?? source}</td>
                      <td className="num">{s.fills}</td>
                      <td className="num">{s.contracts}</td>
                      <td className="num">{formatPnl(s.spreadCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h3>Best and worst trades (to the last mark)</h3>
              <ul className="trades-list">
                {[...t.best, ...t.worst].map((r) => (
                  <li key={`${r.seq}`} className="num small">
                    <span className={r.resultCents >= 0 ? "bid" : "ask"}>{formatPnl(r.resultCents)}</span>{" "}
                    {r.side} {r.quantity} {r.instrument} @ {formatTicks(r.price)}
                  </li>
                ))}
                {t.best.length + t.worst.length === 0 ? <li className="muted">No trades yet.</li> : null}
              </ul>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
