"use client";

import { LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart, lineData } from "../../../_lib/dark-chart";

/** The obligation per 5-minute window (GAME.md §11.2): 80% of the required options quoted. */
const THRESHOLD_PCT = 80;

/**
 * A market maker's quote coverage per 5-minute window, as the room measured it, against the 80% line; the worst
 * window and the share of windows under the line are written under the chart.
 */
export function CoverageChart({
  coverage,
  name,
}: {
  coverage: readonly { at: number; coverageBp: number }[];
  name: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || coverage.length === 0) return;
    const chart = createDarkChart(host.current, { height: 150, seconds: false });
    const line = chart.addSeries(LineSeries, {
      color: "#3ddc97",
      lineWidth: 2,
      title: "Coverage %",
      // Always 0–100 %, so the obligation line is on the chart and windows compare across teams.
      autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 100 } }),
    });
    line.setData(lineData(coverage, (c) => c.coverageBp / 100));
    line.createPriceLine({ price: THRESHOLD_PCT, color: "#ff6b6b", lineWidth: 1, title: "obligation" });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [coverage]);
  if (coverage.length === 0) return <p className="muted small">No quoting windows recorded yet.</p>;
  const under = coverage.filter((c) => c.coverageBp < THRESHOLD_PCT * 100).length;
  const worst = Math.min(...coverage.map((c) => c.coverageBp));
  return (
    <figure className="greeks" aria-label={`Quote coverage of ${name}`}>
      <div ref={host} className="chart" />
      <figcaption className="small num" data-testid={`debrief-coverage-${name}`}>
        {coverage.length} windows · {under} under {THRESHOLD_PCT}% · worst {Math.floor(worst / 100)}%
      </figcaption>
    </figure>
  );
}
