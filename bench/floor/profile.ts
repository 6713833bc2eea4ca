// BENCH_PROFILE=<file.cpuprofile>: a V8 CPU profile of the page under load (CDP Profiler), saved for DevTools, and
// its top functions by self time printed (build with BENCH_BUILD_ARGS="--no-mangling" for readable names).
import { writeFileSync } from "node:fs";
import type { CDPSession, Page } from "@playwright/test";
import { z } from "zod";

const Profile = z.object({
  profile: z
    .object({
      nodes: z.array(
        z.object({
          id: z.number(),
          callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
        }),
      ),
      samples: z.array(z.number()).optional(),
      timeDeltas: z.array(z.number()).optional(),
    })
    .loose(),
});

export async function profileWindow(page: Page, cdp: CDPSession, seconds: number, file: string) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Profiler.start");
  await page.waitForTimeout(seconds * 1_000);
  const raw = await cdp.send("Profiler.stop");
  writeFileSync(file, JSON.stringify(raw.profile));
  const { profile } = Profile.parse(raw);
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] ?? -1);
    const us = deltas[i] ?? 0;
    if (!frame) continue;
    total += us;
    const file = frame.url.split("/").at(-1) ?? "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  console.log(`\nprofile (${file}): top self time of ${(total / 1_000).toFixed(0)} ms sampled`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${key}`);
  }
}
