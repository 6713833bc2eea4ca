"use client";

import { LineSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart } from "../../../_lib/dark-chart";

/** A team's P&L over game time, in dollars, and optionally its portfolio delta (lightweight-charts). */
export function PnlChart({ series }: { series: { at: number; pnlCents: number; delta?: number }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = createDarkChart(host.current, { height: 200, seconds: false });
    const line = chart.addSeries(LineSeries, { color: "#3ddc97", lineWidth: 2 });
    const bySecond = new Map<number, number>();
    for (const p of series) bySecond.set(Math.floor(p.at / 1000), p.pnlCents / 100);
    line.setData(
      [...bySecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([time, value]) => ({ time: time as UTCTimestamp, value })),
    );
    if (series.some((p) => p.delta !== undefined && p.delta !== 0)) {
      const delta = chart.addSeries(LineSeries, {
        color: "#f5a524",
        lineWidth: 1,
        priceScaleId: "delta",
        title: "Δ",
      });
      const deltas = new Map<number, number>();
      for (const p of series) if (p.delta !== undefined) deltas.set(Math.floor(p.at / 1000), p.delta);
      delta.setData(
        [...deltas.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([time, value]) => ({ time: time as UTCTimestamp, value })),
      );
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  return <div ref={host} className="chart" />;
}
