"use client";

import { LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart, lineData } from "../../../_lib/dark-chart";

export type LimitLine = { value: number; title: string };

/**
 * One compliance figure over game time against its limits (red lines), e.g. a hedge fund's delta against ±50 or an
 * arbitrage desk's SPX/SPY ratio against 0.50–2.00. The scale always includes the limits, so they show.
 */
export function LimitChart({
  points,
  title,
  limits,
  label,
}: {
  points: readonly { at: number; value: number }[];
  title: string;
  limits: readonly LimitLine[];
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || points.length === 0) return;
    const chart = createDarkChart(host.current, { height: 150, seconds: false });
    const values = [...points.map((p) => p.value), ...limits.map((l) => l.value)];
    const line = chart.addSeries(LineSeries, {
      color: "#f5a524",
      lineWidth: 2,
      title,
      autoscaleInfoProvider: () => ({
        priceRange: { minValue: Math.min(...values), maxValue: Math.max(...values) },
      }),
    });
    line.setData(lineData(points, (p) => p.value));
    for (const l of limits)
      line.createPriceLine({ price: l.value, color: "#ff6b6b", lineWidth: 1, title: l.title });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points, title, limits]);
  return (
    <figure className="greeks" aria-label={label}>
      <div ref={host} className="chart" />
    </figure>
  );
}
