"use client";

import { ColorType, createChart, LineSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";

/** A team's P&L over game time, in dollars (lightweight-charts). */
export function PnlChart({ series }: { series: { at: number; pnlCents: number }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = createChart(host.current, {
      height: 200,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: "#151b23" }, textColor: "#8b98a8" },
      grid: { vertLines: { color: "#1f2835" }, horzLines: { color: "#1f2835" } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    const line = chart.addSeries(LineSeries, { color: "#3ddc97", lineWidth: 2 });
    const bySecond = new Map<number, number>();
    for (const p of series) bySecond.set(Math.floor(p.at / 1000), p.pnlCents / 100);
    line.setData(
      [...bySecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([time, value]) => ({ time: time as UTCTimestamp, value })),
    );
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  return <div ref={host} className="chart" />;
}
