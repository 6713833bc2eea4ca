"use client";

import type { TeamOverview } from "@/party/core/protocol";
import { formatPnl } from "../../../_lib/format";
import { instrumentLabel } from "../../../_lib/instrument-label";
import { formatKpi } from "../../../_lib/kpi-format";

const ROLE: Record<string, string> = {
  market_maker: "MM",
  hedge_fund: "HF",
  arbitrage_desk: "Arb",
};

/** The instructor's live view of every team: P&L, limit use, positions, working orders, score and its KPIs (every 2 s). */
export function TeamsLive({ teams }: { teams: TeamOverview[] }) {
  return (
    <section className="panel tight" aria-label="Teams live">
      <h2>Teams live</h2>
      {teams.length === 0 ? (
        <p className="muted">Team accounts appear here once the game is set up.</p>
      ) : (
        <table className="teams-live">
          <thead>
            <tr>
              <th>Team</th>
              <th>Role</th>
              <th className="num">P&L</th>
              <th className="num">Fees</th>
              <th className="num">Limit used</th>
              <th className="num">Orders</th>
              <th>Compliance</th>
              <th className="num">Score</th>
              <th>Largest positions</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => {
              const usedPct = t.exposureLimit > 0 ? Math.round((t.exposure * 100) / t.exposureLimit) : 0;
              const largest = [...t.positions]
                .sort((a, b) => Math.abs(b.position) - Math.abs(a.position))
                .slice(0, 3);
              return (
                <tr key={t.teamId} data-testid={`team-live-${t.name}`}>
                  <td>{t.name}</td>
                  <td className="muted">{ROLE[t.role] ?? t.role}</td>
                  <td className={`num ${t.pnl.totalCents >= 0 ? "bid" : "ask"}`}>
                    {formatPnl(t.pnl.totalCents)}
                  </td>
                  <td className="num muted">{formatPnl(t.pnl.feesCents)}</td>
                  <td className={`num ${usedPct >= 90 ? "ask" : ""}`}>
                    {t.exposure}/{t.exposureLimit}
                  </td>
                  <td className="num">{t.openOrders}</td>
                  <td className={t.compliance.every((c) => c.ok) ? "" : "ask"}>
                    {t.compliance.map((c) => `${c.ok ? "✓" : "✗"} ${c.value}`).join(" · ")}
                  </td>
                  <td className="num">
                    {t.scoreBp === null ? "–" : (t.scoreBp / 100).toFixed(1)}
                    <div className="small muted kpis" data-testid={`team-kpis-${t.name}`}>
                      {t.kpis.map(formatKpi).join(" · ")}
                    </div>
                  </td>
                  <td className="num small">
                    {largest.length === 0
                      ? "flat"
                      : largest
                          .map(
                            (p) =>
                              `${p.position > 0 ? "+" : ""}${p.position} ${instrumentLabel(p.instrument)}`,
                          )
                          .join(" · ")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
