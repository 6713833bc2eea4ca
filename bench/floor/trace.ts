// BENCH_TRACE=<file.json>: a Chrome performance trace of the page under load (devtools.timeline categories),
// saved for DevTools' Performance panel, and the renderer main thread's time by event (self time) printed: where
// the non-JavaScript share of the main thread goes (style, layout, paint, canvas, parsing).
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { z } from "zod";

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number().optional(),
  dur: z.number().optional(),
  args: z.looseObject({ name: z.string().optional() }).optional(),
});
const Trace = z.object({ traceEvents: z.array(z.unknown()) });

export async function traceWindow(browser: Browser, page: Page, seconds: number, file: string) {
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"],
  });
  await page.waitForTimeout(seconds * 1_000);
  const buffer = await browser.stopTracing();
  writeFileSync(file, buffer);
  const events = Trace.parse(JSON.parse(buffer.toString()))
    .traceEvents.map((e) => TraceEvent.safeParse(e))
    .flatMap((r) => (r.success ? [r.data] : []));
  const mains = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const timed = events.filter((e) => e.ph === "X" && e.ts !== undefined && e.dur !== undefined);
  // The measured page's main thread: the renderer main thread with the most timed events.
  const main = mains
    .map((m) => ({ m, n: timed.filter((e) => e.pid === m.pid && e.tid === m.tid).length }))
    .sort((a, b) => b.n - a.n)[0]?.m;
  if (!main) return console.log(`trace (${file}): no renderer main thread found`);
  const own = timed
    .filter((e) => e.pid === main.pid && e.tid === main.tid)
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    const start = e.ts ?? 0;
    const end = start + (e.dur ?? 0);
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= start) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
    stack.push({ end, name: e.name });
  }
  const wallUs = seconds * 1e6;
  console.log(`\ntrace (${file}): renderer main thread, self time as % of the ${seconds} s window`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${((100 * us) / wallUs).toFixed(1).padStart(6)}%  ${name}`);
  }
}
