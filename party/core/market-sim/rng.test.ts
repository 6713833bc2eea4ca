import { describe, expect, it } from "vitest";
import { Rng } from "./rng";

describe("Rng", () => {
  it("replays the same sequence from a seed and from a saved state", () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const first = Array.from({ length: 1_000 }, () => a.next());
    expect(Array.from({ length: 1_000 }, () => b.next())).toEqual(first);
    const saved = JSON.parse(JSON.stringify(a.state()));
    const resumed = new Rng(saved);
    expect(Array.from({ length: 100 }, () => resumed.uint32())).toEqual(
      Array.from({ length: 100 }, () => a.uint32()),
    );
  });

  it("keeps its state as four uint32 words", () => {
    const state = Rng.fromSeed(7, 3).state();
    expect(state).toHaveLength(4);
    for (const word of state) expect(Number.isInteger(word) && word >= 0 && word < 2 ** 32).toBe(true);
  });

  it("gives unrelated sequences for neighbouring seeds and streams", () => {
    const draws = (rng: Rng) => Array.from({ length: 8 }, () => rng.uint32());
    const base = draws(Rng.fromSeed(1, 0));
    expect(draws(Rng.fromSeed(2, 0))).not.toEqual(base);
    expect(draws(Rng.fromSeed(1, 1))).not.toEqual(base);
    expect(draws(Rng.fromSeed(2 ** 40 + 1, 0))).not.toEqual(base);
  });

  it("has the right moments (200,000 draws; tolerances ≥ 5 standard errors)", () => {
    const rng = Rng.fromSeed(2024);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let uniformSum = 0;
    let expSum = 0;
    let poissonSum = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      const u = rng.next();
      inRange &&= u >= 0 && u < 1;
      uniformSum += u;
      expSum += rng.exponential(5);
      poissonSum += rng.poisson(3);
    }
    expect(inRange).toBe(true);
    expect(Math.abs(sum / n)).toBeLessThan(0.012); // SE 0.0022
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02); // SE 0.0032
    expect(Math.abs(uniformSum / n - 0.5)).toBeLessThan(0.004); // SE 0.00065
    expect(Math.abs(expSum / n - 5)).toBeLessThan(0.06); // SE 0.011
    expect(Math.abs(poissonSum / n - 3)).toBeLessThan(0.02); // SE 0.0039
  });

  it("draws integers uniformly in an inclusive range and large Poisson means exactly", () => {
    const rng = Rng.fromSeed(5);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) {
      const k = rng.int(1, 5);
      counts[k - 1] = (counts[k - 1] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // SE 89
    let big = 0;
    for (let i = 0; i < 2_000; i++) big += rng.poisson(800); // chunked: exp(−800) would underflow
    expect(Math.abs(big / 2_000 - 800)).toBeLessThan(4); // SE 0.63
    expect(() => rng.int(3, 2)).toThrow(RangeError);
  });
});
