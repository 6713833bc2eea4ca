"use client";

import { LineSeries } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { createDarkChart, lineData } from "../../../_lib/dark-chart";
import { formatPnl } from "../../../_lib/format";

export type GreeksPoint = { at: number; gammaMilli: number; vegaCents: number; thetaCents: number };

const LINES = [
  { key: "vegaCents", title: "Vega $/vol pt", color: "#4cc2ff", scale: "right", scaleBy: 100 },
  { key: "thetaCents", title: "Theta $/session", color: "#ff6b6b", scale: "right", scaleBy: 100 },
  { key: "gammaMilli", title: "Gamma Δ/1%", color: "#b38cff", scale: "left", scaleBy: 1000 },
] as const;

/**
 * A team's greeks over game time at the published reference volatility (server/services/debrief-greeks.ts):
 * vega and theta in dollars on the right scale, gamma (the delta's change for a 1% move) on the left. The latest
 * values are written under the chart, so they read without hovering.
 */
export function GreeksChart({ series, name }: { series: readonly GreeksPoint[]; name: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = createDarkChart(host.current, { height: 180, seconds: false });
    chart.priceScale("left").applyOptions({ visible: true });
    for (const line of LINES) {
      const s = chart.addSeries(LineSeries, {
        color: line.color,
        lineWidth: 2,
        title: line.title,
        priceScaleId: line.scale,
      });
      s.setData(lineData(series, (p) => p[line.key] / line.scaleBy));
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  const last = series.at(-1);
  return (
    <figure className="greeks" aria-label={`Greeks of ${name}`}>
      <div ref={host} className="chart" />
      {last ? (
        <figcaption className="small num" data-testid={`debrief-greeks-${name}`}>
          Now: gamma {(last.gammaMilli / 1000).toFixed(3)} Δ per 1% · vega {formatPnl(last.vegaCents)} per vol
          point · theta {formatPnl(last.thetaCents)} per session (Black–Scholes at the published 20%
          volatility)
        </figcaption>
      ) : null}
    </figure>
  );
}
