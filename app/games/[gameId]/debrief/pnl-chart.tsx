"use client";

import { LineSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart } from "../../../_lib/dark-chart";

/** A team's P&L over game time, in dollars (lightweight-charts). */
export function PnlChart({ series }: { series: { at: number; pnlCents: number }[] }) {
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
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  return <div ref={host} className="chart" />;
}
