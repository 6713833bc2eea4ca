"use client";

import { formatKpi } from "../../../_lib/kpi-format";
import type { OwnCompliance } from "./market-state";

/**
 * The team's compliance checks (GAME.md §11): what is measured, against what, and what happens if it slips; then its
 * live score and the role KPIs behind it (GAME.md §12).
 */
export function CompliancePanel({ compliance }: { compliance: OwnCompliance | null }) {
  return (
    <section className="panel tight" aria-label="Compliance">
      <h2>Compliance</h2>
      {compliance === null ? (
        <p className="muted">Measured on game time once trading starts.</p>
      ) : (
        <>
          {compliance.checks.map((c) => (
            <div key={c.code} className="compliance-check" data-testid={`compliance-${c.code}`}>
              <span className={`pill ${c.ok ? "live" : "down"}`}>{c.ok ? "OK" : "Breach"}</span>{" "}
              <strong>{c.label}</strong> <span className="num">{c.value}</span>{" "}
              <span className="muted small">(limit {c.threshold})</span>
              <p className="small muted">{c.message}</p>
            </div>
          ))}
          <p className="small">
            Penalties so far: <span className="num">{(compliance.penaltyBp / 100).toFixed(0)}%</span> of the
            quantitative score.
          </p>
          {compliance.kpis.length > 0 ? (
            <div className="small" data-testid="own-kpis">
              <strong>
                Score {compliance.scoreBp === null ? "–" : (compliance.scoreBp / 100).toFixed(1)}
              </strong>
              <ul className="kpi-list">
                {compliance.kpis.map((k) => (
                  <li key={k.code} className="num">
                    {formatKpi(k)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
