import type { HeadlineKind } from "./headlines";

const KINDS: readonly HeadlineKind[] = ["major", "economic", "commentary", "neutral"];

import type { Rng } from "./rng";
import { sessionSeconds } from "./sim-clock";
import type { Regime, SimConfig } from "./sim-config";

/**
 * A news event drawn at its session's start (GAME.md §9.4 [proposed]): its time, headline and outcome draws are
 * fixed in advance so the hedge fund's forecast can be issued before it (GAME.md §10.2).
 */
export type ScheduledNews = {
  readonly id: string;
  /** Publication second (simulation clock). */
  readonly second: number;
  /** When the hedge-fund forecast is due: `leadTicks` ticks earlier, but not before the session's first second. */
  readonly issueSecond: number;
  readonly leadTicks: number;
  readonly headlineIndex: number;
  /** The headline's regime-shift draw came up. */
  readonly shift: boolean;
  /** Signed SPX jump in basis points; 0 = no jump. */
  readonly jumpBp: number;
  /** Uniform for the event-transition row, applied to the regime at issue time. */
  readonly targetU: number;
  /** Filled in when the forecast is issued: the regime the event imposes at the next tick boundary, if any. */
  resolved: { readonly from: Regime; readonly target: Regime | null } | null;
};

export type EventOutcome = { shift: boolean; jumpBp: number; targetU: number };

/** A headline index: category by `categoryWeights`, then uniform within the category. Two draws. */
export function drawHeadline(config: SimConfig, rng: Rng): number {
  const kindU = rng.next();
  const memberU = rng.next();
  const { headlines } = config;
  const weightOf = (kind: HeadlineKind) =>
    headlines.some((h) => h.kind === kind) ? (config.news.categoryWeights[kind] ?? 0) : 0;
  const total = KINDS.reduce((sum, kind) => sum + weightOf(kind), 0);
  if (!(total > 0)) throw new RangeError("no headline has a positive category weight");
  let left = kindU * total;
  let kind = KINDS.findLast((k) => weightOf(k) > 0) as HeadlineKind;
  for (const k of KINDS) {
    left -= weightOf(k);
    if (left < 0 && weightOf(k) > 0) {
      kind = k;
      break;
    }
  }
  let index = Math.floor(memberU * headlines.filter((h) => h.kind === kind).length);
  for (let i = 0; i < headlines.length; i++) if (headlines[i]?.kind === kind && index-- === 0) return i;
  throw new Error("unreachable: the chosen category has headlines");
}

/**
 * An event's outcome (GAME.md §9.4): shift and jump drawn independently from the headline's probabilities; jump
 * sign by direction, size lognormal around the range midpoint (log-sd `jumpLogSd`), capped. Always five draws.
 */
export function drawOutcome(config: SimConfig, rng: Rng, headlineIndex: number): EventOutcome {
  const headline = config.headlines[headlineIndex];
  if (!headline) throw new RangeError(`no headline ${headlineIndex}`);
  const shiftU = rng.next();
  const jumpU = rng.next();
  const signU = rng.next();
  const z = rng.normal();
  const targetU = rng.next();
  const [lo, hi] = headline.magnitudeBp;
  const typical = (lo + hi) / 2;
  const jumps = headline.direction !== "none" && typical > 0 && jumpU < headline.jumpProbability;
  let jumpBp = 0;
  if (jumps) {
    const size = Math.min(config.news.maxJumpBp, Math.exp(Math.log(typical) + config.news.jumpLogSd * z));
    const negative = headline.direction === "negative" || (headline.direction === "either" && signU < 0.5);
    jumpBp = Math.max(1, Math.round(size)) * (negative ? -1 : 1);
  }
  return { shift: shiftU < headline.shiftProbability, jumpBp, targetU };
}

function multiplierAt(config: SimConfig, offset: number): number {
  let m = 1;
  for (const entry of config.news.intensity) if (entry.fromSecond <= offset) m = entry.multiplier;
  return m;
}

/** ∫ multiplier over the session, in seconds (so the base rate is mean / this). */
function intensityIntegral(config: SimConfig): number {
  const length = sessionSeconds(config);
  let total = 0;
  for (let s = 0; s < length; s += config.secondsPerTick)
    total += multiplierAt(config, s) * Math.min(config.secondsPerTick, length - s);
  return total;
}

/**
 * The news events of one session (GAME.md §9.4 [proposed]): a Poisson process with intraday intensity by
 * thinning; candidates within `minGapSeconds` of the previous event are discarded; an event is forced when
 * `maxGapSeconds` pass without one. `lastNewsSecond` is the previous scheduled event (null: none yet, the gap then
 * counts from the start of the game).
 */
export function scheduleSessionNews(
  config: SimConfig,
  rng: Rng,
  at: { sessionStartSecond: number; lastNewsSecond: number | null; sequence: number },
): { events: ScheduledNews[]; lastNewsSecond: number | null; sequence: number } {
  const events: ScheduledNews[] = [];
  let { lastNewsSecond, sequence } = at;
  if (config.newsPerSessionMean <= 0) return { events, lastNewsSecond, sequence };
  const start = at.sessionStartSecond;
  const length = sessionSeconds(config);
  const maxMultiplier = Math.max(...config.news.intensity.map((e) => e.multiplier), 1e-12);
  const meanGap = intensityIntegral(config) / (config.newsPerSessionMean * maxMultiplier);

  const add = (second: number) => {
    const headlineIndex = drawHeadline(config, rng);
    const { minLeadTicks, maxLeadTicks } = config.hedgeFundSignal;
    const leadTicks = rng.int(minLeadTicks, maxLeadTicks);
    const issueSecond = Math.max(start, second - leadTicks * config.secondsPerTick);
    const outcome = drawOutcome(config, rng, headlineIndex);
    sequence++;
    events.push({
      id: `news-${sequence}`,
      second,
      issueSecond,
      leadTicks,
      headlineIndex,
      ...outcome,
      resolved: null,
    });
    lastNewsSecond = second;
  };

  let offset = 0;
  for (;;) {
    offset += rng.exponential(meanGap);
    const forcedAt = Math.max(start, (lastNewsSecond ?? 0) + config.news.maxGapSeconds);
    if (forcedAt < start + Math.min(offset, length)) {
      add(forcedAt);
      offset = forcedAt - start; // memoryless: carry on from the forced event
      continue;
    }
    if (offset >= length) break;
    if (rng.next() >= multiplierAt(config, offset) / maxMultiplier) continue;
    const second = start + Math.floor(offset);
    if (lastNewsSecond !== null && second - lastNewsSecond < config.news.minGapSeconds) continue;
    add(second);
  }
  return { events, lastNewsSecond, sequence };
}
