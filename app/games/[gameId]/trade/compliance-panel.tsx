"use client";

import type { ComplianceCheckView } from "@/party/core/protocol";

/** The team's compliance checks (GAME.md §11): what is measured, against what, and what happens if it slips. */
export function CompliancePanel({
  compliance,
}: {
  compliance: { checks: ComplianceCheckView[]; penaltyBp: number } | null;
}) {
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
        </>
      )}
    </section>
  );
}
