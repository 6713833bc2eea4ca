/**
 * Statistical checks on long seeded runs. Seeds are fixed, so results are exact repeats; each tolerance is stated
 * as a multiple of the standard error (SE) a correct implementation would show, so a different seed would also
 * pass with high probability.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { watchTrackingError } from "./arbitrage-signal";
import { issueForecast } from "./hedge-fund-signal";
import { MarketSim } from "./market-sim";
import { drawHeadline, drawOutcome, type ScheduledNews, scheduleSessionNews } from "./news-schedule";
import { naturalTransition } from "./regimes";
import { drawSize } from "./retail-choice";
import { planRetailTick, type RetailMarket } from "./retail-flow";
import { Rng } from "./rng";
import { yearsForSeconds } from "./sim-clock";
import { DEFAULT_SIM_CONFIG, REGIMES, type Regime, type SimConfig } from "./sim-config";
import { initialSimState } from "./sim-state";

const config = DEFAULT_SIM_CONFIG;

/** Stationary distribution of a row-stochastic matrix by power iteration. */
function stationary(matrix: number[][]): number[] {
  let p = matrix.map(() => 1 / matrix.length);
  for (let k = 0; k < 10_000; k++)
    p = p.map((_, j) => p.reduce((sum, pi, i) => sum + pi * (matrix[i]?.[j] ?? 0), 0));
  return p;
}

describe("regimes", () => {
  it("visit low/medium/high in the stationary mix of the natural matrix (1,000,000 ticks)", () => {
    const target = stationary(config.transition); // ≈ 25.3 %, 51.6 %, 23.2 % (GAME.md §9.3)
    const rng = Rng.fromSeed(101);
    const counts = { low: 0, medium: 0, high: 0 };
    let regime: Regime = "medium";
    const n = 1_000_000;
    for (let t = 0; t < n; t++) {
      regime = naturalTransition(config, regime, rng);
      counts[regime]++;
    }
    // Ticks are autocorrelated (second eigenvalue 0.934): the asymptotic SE of each share over 1e6 ticks is
    // 0.17–0.23 pp (from the fundamental matrix); 1 pp is > 4 SE.
    const shares = REGIMES.map((r) => counts[r] / n);
    shares.forEach((p, i) => {
      expect(Math.abs(p - (target[i] ?? 0))).toBeLessThan(0.01);
    });
  });
});

/** One long default run, measured second by second. */
function longRun(seed: number, steps: number, c: SimConfig = config) {
  const sim = new MarketSim(c, initialSimState(c, seed));
  const squares = { low: 0, medium: 0, high: 0 };
  const counts = { low: 0, medium: 0, high: 0 };
  const errors: number[] = []; // true ε in bp, every second
  const published: number[] = []; // SPY/(SPX/10) − 1 in bp, away from jumps
  const arbitrage: boolean[] = []; // per signal: direction matches the sign of ε
  const forecasts = new Map<string, { predictedShift: boolean; currentRegime: Regime }>();
  const hedgeFund: boolean[] = []; // per forecast: predicted shift == actual shift
  let previous = c.startSpxTicks;
  let lastJump = -1_000;
  for (let i = 0; i < steps; i++) {
    const s = sim.step();
    const eps = sim.trackingErrorBp();
    errors.push(eps);
    if (s.news.some((n) => n.jumpBp !== 0)) lastJump = s.second;
    if (s.news.length === 0) {
      const r = Math.log(s.spxTicks / previous);
      squares[s.regime] += r * r;
      counts[s.regime]++;
    }
    if (s.second - lastJump > c.spy.lagSeconds) published.push((s.spyTicks / (s.spxTicks / 10) - 1) * 10_000);
    const arb = s.signals.arbitrage;
    if (arb) arbitrage.push((arb.direction === "spy_rich") === eps > 0);
    const hf = s.signals.hedgeFund;
    if (hf) forecasts.set(hf.eventId, hf);
    for (const n of s.news) {
      const f = forecasts.get(n.id);
      if (!f) continue;
      const shifted = n.regimeShift !== null && n.regimeShift !== f.currentRegime;
      hedgeFund.push(f.predictedShift === shifted);
    }
    previous = s.spxTicks;
  }
  return { squares, counts, errors, published, arbitrage, hedgeFund };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => x * x)) - mean(xs) ** 2);
const maxAbs = (xs: readonly number[]) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / xs.length;

describe("a 1,000,000-second default run (≈ 50 sessions)", () => {
  let run: ReturnType<typeof longRun>;
  beforeAll(() => {
    run = longRun(2_024, 1_000_000);
  });

  it("realises each regime's configured volatility", () => {
    const perYear = 1 / yearsForSeconds(config, 1);
    for (const { name, vol } of config.regimes) {
      const n = run.counts[name];
      const realised = Math.sqrt((run.squares[name] / n) * perYear);
      // Per-second returns are independent: the relative SE of a vol estimate is 1/√(2n) ≤ 0.3 % for the
      // ≥ 60,000 seconds each regime gets; cent rounding adds < 0.05 %. 2 % is > 6 SE.
      expect(n).toBeGreaterThan(60_000);
      expect(Math.abs(realised / vol - 1)).toBeLessThan(0.02);
    }
  });

  it("keeps SPY within its tracking band around SPX/10", () => {
    const { spy } = config;
    expect(maxAbs(run.errors)).toBeLessThanOrEqual(spy.maxTrackingErrorBp + 1e-9);
    // ε has half-life 2,100 s: ≈ 160 independent samples in 1e6 s, so its sd is known to ≈ 6 %; ±20 % is > 3 SE.
    expect(Math.abs(sd(run.errors) / spy.trackingSdBp - 1)).toBeLessThan(0.2);
    // Lag-2,100 s autocorrelation of an OU with that half-life is 0.5; its SE here is ≈ 0.07.
    const lag = spy.trackingHalfLifeSeconds;
    const x = run.errors.slice(0, -lag);
    const y = run.errors.slice(lag);
    const rho = (mean(x.map((v, i) => v * (y[i] ?? 0))) - mean(x) * mean(y)) / (sd(x) * sd(y));
    expect(Math.abs(rho - 0.5)).toBeLessThan(0.2);
    // Published deviation = ε + η + 5-s lag + cent rounding: sd √(15² + 5² + ~2²) ≈ 16 bp; outside 5-s windows
    // after jumps it stays within the ε band + 6 sd of η (30 bp) + 6 sd of a 5-s high-regime move (30 bp).
    const expected = Math.hypot(spy.trackingSdBp, spy.noiseSdBp);
    expect(Math.abs(sd(run.published) / expected - 1)).toBeLessThan(0.2);
    expect(maxAbs(run.published)).toBeLessThan(spy.maxTrackingErrorBp + 60);
  });

  it("reports the tracking-error direction correctly 80 % of the time", () => {
    // ≈ 1,700 signals: SE ≈ 1 pp, so ±3 pp is ≈ 3 SE (the isolated check below is tighter).
    expect(run.arbitrage.length).toBeGreaterThan(1_200);
    expect(Math.abs(share(run.arbitrage) - config.arbitrageSignal.accuracy)).toBeLessThan(0.03);
  });
});

describe("signal accuracy", () => {
  it("forecasts regime shifts with the configured accuracy in a news-heavy run", () => {
    // 80 events a session (min gap 2 min) so 1e6 seconds give ≈ 3,000 forecasts: SE ≈ 0.85 pp; ±3 pp > 3.5 SE.
    const busy: SimConfig = {
      ...config,
      newsPerSessionMean: 80,
      news: { ...config.news, minGapSeconds: 120 },
    };
    const run = longRun(77, 1_000_000, busy);
    expect(run.hedgeFund.length).toBeGreaterThan(2_500);
    expect(Math.abs(share(run.hedgeFund) - config.hedgeFundSignal.accuracy)).toBeLessThan(0.03);
  });

  it("forecasts correctly with probability = accuracy in isolation (20,000 events)", () => {
    const news = Rng.fromSeed(31);
    const hf = Rng.fromSeed(32);
    let correct = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const headlineIndex = drawHeadline(config, news);
      const event: ScheduledNews = {
        id: `e${i}`,
        second: 600,
        issueSecond: 0,
        leadTicks: 2,
        headlineIndex,
        ...drawOutcome(config, news, headlineIndex),
        resolved: null,
      };
      const from = REGIMES[i % 3] as Regime;
      const f = issueForecast(config, hf, event, from, 0);
      const truth = event.resolved?.target != null && event.resolved.target !== from;
      if (f.predictedShift === truth) correct++;
      if (f.predictedShift && truth && f.predictedRegime !== event.resolved?.target)
        throw new Error("wrong regime");
    }
    // SE 0.33 pp; ±3 pp is 9 SE.
    expect(Math.abs(correct / n - 0.66)).toBeLessThan(0.03);
  });

  it("reports tracking-error direction with probability = accuracy in isolation (20,000 signals)", () => {
    const rng = Rng.fromSeed(41);
    const watch = { active: false, lastTick: -1 };
    let correct = 0;
    let signals = 0;
    for (let tick = 0; signals < 20_000; tick++) {
      const eps = (tick % 2 === 0 ? 1 : -1) * 0.002; // 20 bp, alternating sign, a new tick each time
      const s = watchTrackingError(config, rng, watch, eps, tick);
      if (!s) continue;
      signals++;
      if ((s.direction === "spy_rich") === eps > 0) correct++;
    }
    expect(Math.abs(correct / signals - 0.8)).toBeLessThan(0.03); // SE 0.28 pp
  });
});

describe("news", () => {
  it("schedules ≈ 2 events a session, ≥ 30 minutes apart, more in the morning", () => {
    const rng = Rng.fromSeed(51);
    const sessions = 4_000;
    let last: number | null = null;
    let sequence = 0;
    const all: number[] = [];
    for (let k = 0; k < sessions; k++) {
      const start = 1 + k * 19_800;
      const drawn = scheduleSessionNews(config, rng, {
        sessionStartSecond: start,
        lastNewsSecond: last,
        sequence,
      });
      for (const e of drawn.events) {
        if (last !== null && e.second - last < 1_800) throw new Error("gap under 30 minutes");
        all.push(e.second - start);
        last = e.second;
      }
      sequence = drawn.sequence;
      last = drawn.lastNewsSecond;
    }
    // 2.2 a session before thinning; discarding candidates within 30 min of the previous event removes ≈ 10 %.
    const perSession = all.length / sessions;
    expect(perSession).toBeGreaterThan(1.85);
    expect(perSession).toBeLessThan(2.2);
    // Morning (first 150 min, × 1.5) vs midday (next 120 min, × 0.8), per minute: ratio ≈ 1.9 before thinning.
    const morning = all.filter((t) => t < 9_000).length / 150;
    const midday = all.filter((t) => t >= 9_000 && t < 16_200).length / 120;
    expect(morning / midday).toBeGreaterThan(1.4);
  });

  it("shifts the regime in ≈ 38 % and jumps in ≈ 21 % of events (GAME.md §9.4)", () => {
    const rng = Rng.fromSeed(61);
    const w = config.news.categoryWeights;
    const expected = { shift: 0, jump: 0 };
    for (const h of config.headlines) {
      const inKind = config.headlines.filter((x) => x.kind === h.kind).length;
      expected.shift += (w[h.kind] / inKind) * h.shiftProbability;
      expected.jump += h.direction === "none" ? 0 : (w[h.kind] / inKind) * h.jumpProbability;
    }
    let shifts = 0;
    let jumps = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const o = drawOutcome(config, rng, drawHeadline(config, rng));
      if (o.shift) shifts++;
      if (o.jumpBp !== 0) jumps++;
      if (Math.abs(o.jumpBp) > config.news.maxJumpBp) throw new Error("jump over the cap");
    }
    expect(expected.shift).toBeCloseTo(0.38, 2);
    expect(expected.jump).toBeCloseTo(0.21, 2);
    // SE ≈ 0.2 pp; ±1 pp is 5 SE.
    expect(Math.abs(shifts / n - expected.shift)).toBeLessThan(0.01);
    expect(Math.abs(jumps / n - expected.jump)).toBeLessThan(0.01);
  });
});

describe("retail flow", () => {
  const instruments = ["SPX", "SPY"].flatMap((u) =>
    [0, 1, 2].flatMap((expiryIndex) =>
      [0.98, 0.99, 1, 1.01, 1.02].flatMap((m) =>
        [true, false].map((call) => ({
          symbol: `${u}_${m}_${call}_${expiryIndex}`,
          underlying: u as "SPX" | "SPY",
          strikeTicks: Math.round(m * (u === "SPX" ? 440_000 : 44_000)),
          call,
          expiryIndex,
        })),
      ),
    ),
  );
  const flat: RetailMarket = {
    spxTicks: 440_000,
    spyTicks: 44_000,
    instruments,
    top: () => ({ bid: 100, ask: 110 }),
    theoTicks: () => 105,
    position: () => 0,
    totalPosition: () => 0,
  };

  it("arrives at ≈ 3 orders a tick with the documented mix (40,000 ticks)", () => {
    const rng = Rng.fromSeed(71);
    const ticks = 40_000;
    const orders = Array.from({ length: ticks }, () => planRetailTick(config, rng, flat)).flat();
    const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    const picked = orders.map((o) => bySymbol.get(o.symbol));
    // Poisson(3) capped at 10: mean 2.9997; SE √(3/40,000) = 0.009, ±0.04 > 4 SE. Shares: SE ≤ 0.15 pp, ±1.5 pp.
    expect(Math.abs(orders.length / ticks - 3)).toBeLessThan(0.04);
    const frac = (f: (o: (typeof orders)[number], i: number) => boolean) =>
      orders.filter(f).length / orders.length;
    expect(Math.abs(frac((o) => o.side === "buy") - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(frac((o) => o.orderType === "market") - 0.4)).toBeLessThan(0.015);
    expect(Math.abs(frac((_, i) => picked[i]?.call === true) - 0.6)).toBeLessThan(0.015);
    expect(Math.abs(frac((_, i) => picked[i]?.underlying === "SPX") - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(frac((_, i) => picked[i]?.expiryIndex === 0) - 0.8)).toBeLessThan(0.015);
    // Strictly OTM at least 70 % (forced) of the time; ATM strikes take some of the rest.
    const otm = frac((_, i) => {
      const p = picked[i];
      const spot = p?.underlying === "SPX" ? 440_000 : 44_000;
      return p !== undefined && (p.call ? p.strikeTicks > spot : p.strikeTicks < spot);
    });
    expect(otm).toBeGreaterThan(0.7);
    const perAccount = [0, 1, 2].map((a) => orders.filter((o) => o.account === a).length / orders.length);
    for (const s of perAccount) expect(Math.abs(s - 1 / 3)).toBeLessThan(0.015);
  });

  it("draws sizes with mean ≈ 5.2 and P(1) ≈ 39 % (GAME.md §9.7)", () => {
    // Exact for x ~ Exp(5) rounded to 5s: P(1) = 1 − e^−0.5 = 39.3 %, P(5) = e^−0.5 − e^−1.5 = 38.3 %, mean 5.19.
    let exactMean = 1 - Math.exp(-0.5);
    for (let k = 5; k <= 50; k += 5)
      exactMean += k * (Math.exp(-(k - 2.5) / 5) - (k === 50 ? 0 : Math.exp(-(k + 2.5) / 5)));
    const rng = Rng.fromSeed(81);
    const n = 200_000;
    const sizes = Array.from({ length: n }, () => drawSize(config.retail, rng));
    const p1 = sizes.filter((s) => s === 1).length / n;
    const p5 = sizes.filter((s) => s === 5).length / n;
    // Size sd ≈ 5.4: SE of the mean 0.012, ±0.08 > 6 SE; shares SE 0.11 pp, ±0.8 pp > 7 SE.
    expect(exactMean).toBeCloseTo(5.19, 2); // GAME.md rounds it to 5.2
    expect(Math.abs(mean(sizes) - exactMean)).toBeLessThan(0.08);
    expect(Math.abs(p1 - 0.393)).toBeLessThan(0.008);
    expect(Math.abs(p5 - 0.383)).toBeLessThan(0.008);
    // The same distribution reaches the orders when no limit binds (flat accounts).
    const orders = Array.from({ length: 20_000 }, () => planRetailTick(config, rng, flat)).flat();
    expect(Math.abs(mean(orders.map((o) => o.quantity)) - exactMean)).toBeLessThan(0.15); // ≈ 60,000 orders, SE 0.02
  });
});
