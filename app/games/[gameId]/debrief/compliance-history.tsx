"use client";

import { formatGameTime } from "../../game-time";
import { CoverageChart } from "./coverage-chart";
import { LimitChart, type LimitLine } from "./limit-chart";

/** One 5-minute tick as the room recorded it (server/services/debrief-compliance.ts). */
export type ComplianceTick = {
  at: number;
  ok: boolean;
  value: string;
  penaltyBp: number;
  coverageBp: number | null;
  delta: number;
  ratioBp: number | null;
  singleLeg: boolean;
};
export type Breach = { at: number; code: string; value: string; message?: string | undefined };

/** GAME.md §11: the hedge fund's delta limit and the arbitrage desk's SPX/SPY band. */
const DELTA_LIMITS: LimitLine[] = [
  { value: 50, title: "+50" },
  { value: -50, title: "−50" },
];
const RATIO_LIMITS: LimitLine[] = [
  { value: 0.5, title: "0.50" },
  { value: 2, title: "2.00" },
];

/**
 * A team's compliance over the run, per role: a market maker's quote coverage per window against 80%, a hedge
 * fund's delta against ±50, an arbitrage desk's SPX/SPY notional ratio against 0.50–2.00; then the penalties and
 * every breach with its time.
 */
export function ComplianceHistory({
  role,
  name,
  ticks,
  coverage,
  breaches,
}: {
  role: string;
  name: string;
  ticks: readonly ComplianceTick[];
  coverage: readonly { at: number; coverageBp: number }[];
  breaches: readonly Breach[];
}) {
  const penaltyBp = ticks.at(-1)?.penaltyBp ?? 0;
  const failed = ticks.filter((t) => !t.ok).length;
  return (
    <div className="compliance-history">
      {role === "market_maker" ? (
        <CoverageChart
          coverage={
            coverage.length > 0
              ? coverage
              : ticks.flatMap((t) => (t.coverageBp === null ? [] : [{ at: t.at, coverageBp: t.coverageBp }]))
          }
          name={name}
        />
      ) : role === "hedge_fund" && ticks.length > 0 ? (
        <LimitChart
          points={ticks.map((t) => ({ at: t.at, value: t.delta }))}
          title="Δ"
          limits={DELTA_LIMITS}
          label={`Delta of ${name} at each check`}
        />
      ) : role === "arbitrage_desk" && ticks.length > 0 ? (
        <LimitChart
          points={ticks.flatMap((t) => (t.ratioBp === null ? [] : [{ at: t.at, value: t.ratioBp / 10_000 }]))}
          title="SPX/SPY"
          limits={RATIO_LIMITS}
          label={`Pair balance of ${name} at each check`}
        />
      ) : null}
      <p className="small num" data-testid={`debrief-compliance-${name}`}>
        {ticks.length === 0
          ? "No compliance checks recorded in this run."
          : `${ticks.length} checks · ${failed} not met · penalties ${(penaltyBp / 100).toFixed(0)}% of the score`}
      </p>
      {breaches.length > 0 ? (
        <table className="small" aria-label={`Compliance breaches of ${name}`}>
          <thead>
            <tr>
              <th>When</th>
              <th>Check</th>
              <th>Measured</th>
            </tr>
          </thead>
          <tbody>
            {breaches.slice(0, 50).map((b) => (
              <tr key={`${b.at}-${b.code}`} title={b.message}>
                <td className="num">{formatGameTime(b.at)}</td>
                <td>{LABEL[b.code] ?? b.code}</td>
                <td className="num">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {breaches.length > 50 ? <p className="muted small">… and {breaches.length - 50} more.</p> : null}
    </div>
  );
}

const LABEL: Record<string, string> = {
  MM_QUOTE_COVERAGE: "Quote coverage",
  HF_DELTA: "Portfolio delta",
  ARB_PAIR_BALANCE: "SPX/SPY balance",
};
