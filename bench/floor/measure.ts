// One measurement window on the page: the probe's counters plus Chrome's own main-thread accounting
// (CDP `Performance.getMetrics`: TaskDuration, ScriptDuration, LayoutDuration, RecalcStyleDuration, in seconds).
import type { CDPSession, Page } from "@playwright/test";
import { z } from "zod";
import { ProbeWindow } from "./probe";

const Metrics = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

export type Sample = {
  label: string;
  seconds: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  frameMax: number;
  /** Share of frame intervals over 1.5 × 16.7 ms (a dropped frame or more). */
  jank: number;
  longTasks: number;
  longTaskMax: number;
  busy: number;
  scriptShare: number;
  layoutStyleShare: number;
  mutationsPerSecond: number;
  commitsPerSecond: number;
  lagP50: number;
  lagP95: number;
  /** Share of updates on screen by the next frame after their message arrived. */
  onTime: number;
  framesPerSecond: number;
  messagesPerSecond: number;
  kbPerSecond: number;
};

export async function measureWindow(
  page: Page,
  cdp: CDPSession,
  label: string,
  seconds: number,
): Promise<Sample> {
  await page.evaluate(() => (window as unknown as { __floorProbe: { reset(): void } }).__floorProbe.reset());
  const before = await metrics(cdp);
  await page.waitForTimeout(seconds * 1_000);
  const after = await metrics(cdp);
  const w = ProbeWindow.parse(
    await page.evaluate(() =>
      (window as unknown as { __floorProbe: { read(): unknown } }).__floorProbe.read(),
    ),
  );
  const wall = (after.Timestamp ?? 0) - (before.Timestamp ?? 0);
  const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) / wall;
  const s = w.ms / 1_000;
  return {
    label,
    seconds: s,
    frameP50: quantile(w.frames, 0.5),
    frameP95: quantile(w.frames, 0.95),
    frameP99: quantile(w.frames, 0.99),
    frameMax: Math.max(0, ...w.frames),
    jank: w.frames.filter((f) => f > 25).length / Math.max(1, w.frames.length),
    longTasks: w.longTasks.length,
    longTaskMax: Math.max(0, ...w.longTasks),
    busy: delta("TaskDuration"),
    scriptShare: delta("ScriptDuration"),
    layoutStyleShare: delta("LayoutDuration") + delta("RecalcStyleDuration"),
    mutationsPerSecond: w.mutations / s,
    commitsPerSecond: w.commits / s,
    lagP50: quantile(w.updateLags, 0.5),
    lagP95: quantile(w.updateLags, 0.95),
    onTime: w.framesLate.filter((f) => f <= 0).length / Math.max(1, w.framesLate.length),
    framesPerSecond: w.socketFrames / s,
    messagesPerSecond: w.socketMessages / s,
    kbPerSecond: w.socketBytes / 1_024 / s,
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = Metrics.parse(await cdp.send("Performance.getMetrics"));
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
