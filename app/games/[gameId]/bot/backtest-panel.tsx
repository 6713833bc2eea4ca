"use client";

import { useMutation } from "@tanstack/react-query";
import { FormError } from "../../../_components/form-error";
import { formatPnl, formatTicks } from "../../../_lib/format";
import { useTRPC } from "../../../_trpc/client";
import { mutationMessage } from "../../use-form-mutation";
import { PnlChart } from "../debrief/pnl-chart";

/** Backtest the latest saved version on this game's market (its seed): P&L over the session, fills and logs. */
export function BacktestPanel({ teamId, latestVersion }: { teamId: string; latestVersion: number | null }) {
  const trpc = useTRPC();
  const backtest = useMutation(trpc.bot.backtest.mutationOptions());
  const result = backtest.data;
  return (
    <section className="panel tight backtest" aria-label="Backtest">
      <div className="row spread-row">
        <h2>Backtest on this game's market</h2>
        <button
          type="button"
          disabled={latestVersion === null || backtest.isPending}
          onClick={() => backtest.mutate({ teamId, version: latestVersion ?? undefined })}
        >
          {backtest.isPending ? "Replaying a 5½-hour session…" : `Backtest v${latestVersion ?? "?"}`}
        </button>
      </div>
      <p className="muted small">
        Replays the game's seed — the same prices, news and simulated retail flow — for one session with your
        bot trading in it on the real exchange and limits, and the other teams' recorded orders of that
        session as they placed and cancelled them.
      </p>
      <FormError message={mutationMessage(backtest.error)} />
      {result?.error ? (
        <p className="error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result && result.error === null ? (
        <div data-testid="backtest-result">
          <p>
            v{result.version} on seed <span className="num">{result.seed}</span>: P&amp;L{" "}
            <strong className={`num ${result.pnlCents >= 0 ? "bid" : "ask"}`}>
              {formatPnl(result.pnlCents)}
            </strong>{" "}
            (fees {formatPnl(result.feesCents)}) · {result.fillCount} fills · {result.tapeOrders} orders of
            other teams replayed
            {result.stopped ? ` · stopped: ${result.stopped.message}` : ""}
          </p>
          {result.series.length > 1 ? <PnlChart series={result.series} /> : null}
          <div className="grid2">
            <ul className="trades-list small">
              {result.fills.slice(-12).map((f) => (
                <li key={`${f.tradeId}-${f.orderId}`} className="num">
                  {f.side} {f.quantity} {f.instrument} @ {formatTicks(f.price)} ({f.liquidity})
                </li>
              ))}
            </ul>
            <pre className="bot-logs">{result.logs.slice(-30).join("\n") || "No logs."}</pre>
          </div>
        </div>
      ) : null}
    </section>
  );
}
