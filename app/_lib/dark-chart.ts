import { ColorType, createChart, type IChartApi, type UTCTimestamp } from "lightweight-charts";

/** A lightweight-charts chart in the floor's dark theme, sized to its host. */
export function createDarkChart(host: HTMLElement, options: { height: number; seconds: boolean }): IChartApi {
  return createChart(host, {
    height: options.height,
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: "#151b23" }, textColor: "#8b98a8" },
    grid: { vertLines: { color: "#1f2835" }, horzLines: { color: "#1f2835" } },
    timeScale: { timeVisible: true, secondsVisible: options.seconds },
  });
}

/**
 * Points as a line series' data: one point per second of game time (the last wins), in time order — the shape
 * lightweight-charts requires (strictly increasing times).
 */
export function lineData<P extends { at: number }>(
  points: readonly P[],
  value: (p: P) => number,
): { time: UTCTimestamp; value: number }[] {
  const bySecond = new Map<number, number>();
  for (const p of points) bySecond.set(Math.floor(p.at / 1000), value(p));
  return [...bySecond.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([time, v]) => ({ time: time as UTCTimestamp, value: v }));
}
