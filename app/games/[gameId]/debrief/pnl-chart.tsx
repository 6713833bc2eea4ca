"use client";

import { LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart, lineData } from "../../../_lib/dark-chart";

/** A team's P&L over game time, in dollars, and optionally its portfolio delta (lightweight-charts). */
export function PnlChart({ series }: { series: { at: number; pnlCents: number; delta?: number }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = createDarkChart(host.current, { height: 200, seconds: false });
    const line = chart.addSeries(LineSeries, { color: "#3ddc97", lineWidth: 2 });
    line.setData(lineData(series, (p) => p.pnlCents / 100));
    if (series.some((p) => p.delta !== undefined && p.delta !== 0)) {
      const delta = chart.addSeries(LineSeries, {
        color: "#f5a524",
        lineWidth: 1,
        priceScaleId: "delta",
        title: "Δ",
      });
      delta.setData(lineData(series, (p) => p.delta ?? 0));
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  return <div ref={host} className="chart" />;
}
