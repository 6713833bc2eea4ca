import { ColorType, createChart, type IChartApi } from "lightweight-charts";

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
