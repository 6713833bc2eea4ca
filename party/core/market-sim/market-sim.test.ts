import { beforeAll, describe, expect, it } from "vitest";
import { MarketSim } from "./market-sim";
import { DEFAULT_SIM_CONFIG, type SimConfig } from "./sim-config";
import { initialSimState, type SimState, type SimStep } from "./sim-state";

const config = DEFAULT_SIM_CONFIG;

function steps(sim: MarketSim, count: number): SimStep[] {
  return Array.from({ length: count }, () => sim.step());
}

function sim(seed: number, c: SimConfig = config): MarketSim {
  return new MarketSim(c, initialSimState(c, seed));
}

describe("MarketSim determinism", () => {
  it("gives identical steps for the same seed over 20,000 steps, and different ones for another seed", () => {
    const a = steps(sim(7), 20_000);
    expect(steps(sim(7), 20_000)).toEqual(a);
    expect(steps(sim(8), 20_000).map((s) => s.spxTicks)).not.toEqual(a.map((s) => s.spxTicks));
    expect(a.some((s) => s.news.length > 0)).toBe(true); // the run crosses news and a session boundary
    expect(a.at(-1)?.session).toBe(1);
  });

  it("restores a snapshot taken mid-session through JSON and continues identically", () => {
    const original = sim(11);
    steps(original, 19_000);
    const json = JSON.stringify(original.snapshot());
    const restored = new MarketSim(config, JSON.parse(json) as SimState);
    // 21,000 more steps: through the session boundary, its news schedule and forecasts.
    const expected = steps(original, 21_000);
    expect(steps(restored, 21_000)).toEqual(expected);
    expect(JSON.stringify(restored.snapshot())).toEqual(JSON.stringify(original.snapshot()));
  });

  it("does not share state with the snapshot it was built from or returned", () => {
    const state = initialSimState(config, 3);
    const before = JSON.stringify(state);
    const s = new MarketSim(config, state);
    const snap = s.snapshot();
    steps(s, 500);
    expect(JSON.stringify(state)).toBe(before);
    expect(snap.second).toBe(0);
  });

  it("leaves every random stream untouched when news is injected; only the effects differ", () => {
    const plain = sim(21);
    const injected = sim(21);
    steps(plain, 1_000);
    steps(injected, 1_000);
    // "Fed announces emergency meeting" is negative; inject until one jumps (each injection has its own draws).
    let event = injected.injectNews({ index: 0 });
    while (event.jumpBp === 0) event = injected.injectNews({ index: 0 });
    expect(event.jumpBp).toBeLessThan(0);
    const ratio = 1 + event.jumpBp / 10_000;
    for (let block = 0; block < 30; block++) {
      const a = steps(plain, 1_000);
      const b = steps(injected, 1_000);
      const sa = plain.snapshot();
      const sb = injected.snapshot();
      const { inject: _a, ...streamsA } = sa.rng;
      const { inject: _b, ...streamsB } = sb.rng;
      expect(streamsB).toEqual(streamsA); // price, regime, news, signals, SPY, retail: same positions
      expect(sb.spy.trackingError).toBe(sa.spy.trackingError);
      expect(b.map((s) => s.news.map((n) => [n.id, n.headline, n.second]))).toEqual(
        a.map((s) => s.news.map((n) => [n.id, n.headline, n.second])),
      );
      if (block === 0) {
        // Before the shift takes effect (next tick boundary) the paths differ exactly by the jump.
        const first = a.findIndex((s) => s.tickStarted);
        for (let i = 0; i < first; i++)
          expect(Math.abs((b[i]?.spxTicks ?? 0) - (a[i]?.spxTicks ?? 0) * ratio)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("changes nothing at all for custom-text news", () => {
    const plain = sim(5);
    const injected = sim(5);
    const a1 = steps(plain, 3_000);
    expect(steps(injected, 3_000)).toEqual(a1);
    const event = injected.injectNews({ text: "Coffee machine broken" });
    expect(event).toMatchObject({
      kind: "custom",
      regimeShift: null,
      jumpBp: 0,
      headlineIndex: null,
      second: 3_000,
    });
    expect(steps(injected, 20_000)).toEqual(steps(plain, 20_000));
  });

  it("rejects an unknown headline index", () => {
    expect(() => sim(1).injectNews({ index: 99 })).toThrow(RangeError);
  });
});

describe("MarketSim behaviour", () => {
  let run: SimStep[] = [];
  beforeAll(() => {
    run = steps(sim(2026), 19_800 * 3);
  });

  it("counts seconds, ticks and sessions and publishes integer prices", () => {
    run.forEach((s, i) => {
      if (s.second !== i + 1) throw new Error(`second ${s.second} at ${i}`);
      if (s.tickStarted !== (i % 300 === 0) || s.tick !== Math.floor(i / 300))
        throw new Error(`tick at ${i}`);
      if (!Number.isInteger(s.spxTicks) || !Number.isInteger(s.spyTicks)) throw new Error(`price at ${i}`);
    });
    expect(run.at(-1)).toMatchObject({ tick: 197, session: 2 });
  });

  it("changes regime only at tick boundaries, and a news shift takes effect at the next one", () => {
    const midTickChanges = run.filter((s, i) => !s.tickStarted && i > 0 && s.regime !== run[i - 1]?.regime);
    expect(midTickChanges).toEqual([]);
    const shifts = run.flatMap((s, i) => s.news.filter((n) => n.regimeShift !== null).map((n) => ({ n, i })));
    expect(shifts.length).toBeGreaterThan(0);
    for (const { n, i } of shifts) {
      const nextTickStart = 300 * ((run[i] as SimStep).tick + 1); // index of the next tick's first second
      const laterNewsSameTick = run.slice(i + 1, nextTickStart).some((s) => s.news.length > 0);
      const next = run[nextTickStart];
      if (next && !laterNewsSameTick) expect(next.regime).toBe(n.regimeShift);
    }
  });

  it("sends each hedge-fund forecast 1–5 ticks before its event (or at the session open)", () => {
    const forecasts = run.flatMap((s) => (s.signals.hedgeFund ? [{ f: s.signals.hedgeFund, s }] : []));
    const news = run.flatMap((s) => s.news);
    expect(forecasts.length).toBe(news.length);
    for (const { f, s } of forecasts) {
      const event = news.find((n) => n.id === f.eventId);
      expect(event?.second).toBe(s.second + f.secondsUntilEvent);
      const atOpen = (s.second - 1) % 19_800 === 0;
      if (!atOpen) expect([1, 2, 3, 4, 5]).toContain(f.horizonTicks);
      expect(f.horizonTicks).toBeLessThanOrEqual(5);
      expect(f.confidenceBp).toBe(6_600);
    }
  });

  it("applies the circuit breaker within a tick", () => {
    const tight: SimConfig = {
      ...config,
      circuitBreakerBp: 20,
      regimes: config.regimes.map((r) => ({ ...r, vol: 2 })),
    };
    const s = sim(9, tight);
    let open = 0;
    let binds = 0;
    for (let i = 0; i < 6_000; i++) {
      const step = s.step();
      if (step.tickStarted) open = s.snapshot().tickOpenSpx;
      const move = Math.abs(step.spxTicks / open - 1);
      expect(move).toBeLessThanOrEqual(0.002 + 1 / open);
      if (move > 0.0019) binds++;
    }
    expect(binds).toBeGreaterThan(0);
  });
});
