"use client";

import { type IChartApi, type ISeriesApi, LineSeries, type UTCTimestamp } from "lightweight-charts";
import { memo, useEffect, useRef } from "react";
import { createDarkChart } from "../../../_lib/dark-chart";
import { formatTicks } from "../../../_lib/format";

type Point = { spxTicks: number; spyTicks: number; at: number };

/** SPX over game time (lightweight-charts). Prices arrive in ticks and are shown in dollars. */
export const UnderlyingChart = memo(function UnderlyingChart({ points }: { points: Point[] }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<"Line"> | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const created = createDarkChart(host.current, { height: 220, seconds: true });
    series.current = created.addSeries(LineSeries, { color: "#4cc2ff", lineWidth: 2 });
    chart.current = created;
    return () => {
      created.remove();
      chart.current = null;
      series.current = null;
    };
  }, []);

  useEffect(() => {
    const bySecond = new Map<number, number>();
    for (const p of points) bySecond.set(Math.floor(p.at / 1000), p.spxTicks / 100);
    series.current?.setData(
      [...bySecond.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([time, value]) => ({ time: time as UTCTimestamp, value })),
    );
  }, [points]);

  const last = points.at(-1);
  return (
    <section className="panel tight" aria-label="Underlying">
      <div className="row spread-row">
        <h2>SPX</h2>
        {last ? (
          <span className="num" data-testid="spx">
            SPX {formatTicks(last.spxTicks)} · SPY {formatTicks(last.spyTicks)}
          </span>
        ) : (
          <span className="muted">no prices yet</span>
        )}
      </div>
      <div ref={host} className="chart" />
    </section>
  );
});
