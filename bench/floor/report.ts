// The table of both conditions, the load/baseline ratios and the verdict against the issue's targets.
import type { BotTally } from "./bots";
import type { Sample } from "./measure";

const COLUMNS: [string, (s: Sample) => number, number][] = [
  ["frame p50 ms", (s) => s.frameP50, 1],
  ["frame p95 ms", (s) => s.frameP95, 1],
  ["frame p99 ms", (s) => s.frameP99, 1],
  ["frame max ms", (s) => s.frameMax, 0],
  ["frames >25ms %", (s) => 100 * s.jank, 1],
  ["long tasks", (s) => s.longTasks, 0],
  ["longest task ms", (s) => s.longTaskMax, 0],
  ["main busy %", (s) => 100 * s.busy, 1],
  ["  script %", (s) => 100 * s.scriptShare, 1],
  ["  style+layout %", (s) => 100 * s.layoutStyleShare, 1],
  ["DOM mutations/s", (s) => s.mutationsPerSecond, 0],
  ["React commits/s", (s) => s.commitsPerSecond, 1],
  ["msg→commit p50 ms", (s) => s.lagP50, 1],
  ["msg→commit p95 ms", (s) => s.lagP95, 1],
  ["next frame %", (s) => 100 * s.onTime, 1],
  ["socket frames/s", (s) => s.framesPerSecond, 1],
  ["socket messages/s", (s) => s.messagesPerSecond, 0],
  ["socket kB/s", (s) => s.kbPerSecond, 1],
];

const fmt = (n: number, digits: number) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printRound(round: number, baseline: Sample, load: Sample, bots: BotTally, seconds: number) {
  console.log(
    `\nround ${round}: ${fmt(baseline.seconds, 1)} s baseline, ${fmt(load.seconds, 1)} s under load`,
  );
  console.log(`${"".padEnd(20)}${"baseline".padStart(10)}${"load".padStart(10)}${"ratio".padStart(8)}`);
  for (const [name, get, digits] of COLUMNS) {
    const b = get(baseline);
    const l = get(load);
    const ratio = b > 0 ? `${fmt(l / b, 2)}×` : "–";
    console.log(
      `${name.padEnd(20)}${fmt(b, digits).padStart(10)}${fmt(l, digits).padStart(10)}${ratio.padStart(8)}`,
    );
  }
  const rejected = Object.entries(bots.rejected)
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
  console.log(
    `bots: ${fmt(bots.sent / seconds, 0)} commands/s sent, ${fmt(bots.accepted / seconds, 0)}/s accepted${rejected ? `; rejected: ${rejected}` : ""}${bots.errors ? `; ${bots.errors} HTTP errors` : ""}`,
  );
}

/** PASS/MISS lines; returns whether every target passed. */
export function printVerdict(baseline: Sample, load: Sample): boolean {
  const checks: [boolean, string][] = [
    [
      load.frameP95 <= 1.5 * baseline.frameP95 && load.frameP95 <= 33,
      `p95 frame interval ${fmt(load.frameP95, 1)} ms = ${fmt(load.frameP95 / baseline.frameP95, 2)}× baseline (target ≤ 1.5× and ≤ 33 ms)`,
    ],
    [load.longTaskMax <= 100, `longest task ${fmt(load.longTaskMax, 0)} ms (target: none over 100 ms)`],
    [load.busy <= 0.5, `main thread busy ${fmt(100 * load.busy, 1)}% under load (target ≤ 50%)`],
    [
      load.onTime >= 0.95,
      `${fmt(100 * load.onTime, 1)}% of socket updates on screen by the next frame (target ≥ 95%; message → commit p95 ${fmt(load.lagP95, 1)} ms)`,
    ],
  ];
  for (const [ok, line] of checks) console.log(`${ok ? "PASS" : "MISS"} ${line}`);
  return checks.every(([ok]) => ok);
}
