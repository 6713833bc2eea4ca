import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compositeScores, finalScoreBp, periodScoreBp, quantitativeScoreBp } from "./composite-score";
import type { Kpi, KpiCode, TeamKpis } from "./kpi";
import { rankPoints } from "./rank-points";

/** Fixed seed: a failure prints it and reproduces exactly. */
const SEED = 20_261_201;

describe("rank normalisation (GAME.md §12.4 step 2)", () => {
  it("best 100, linear by rank to worst 30; a team alone 80", () => {
    expect(rankPoints([5], "higher")).toEqual([8_000]);
    expect(rankPoints([1, 2], "higher")).toEqual([3_000, 10_000]);
    expect(rankPoints([3, 2, 1], "higher")).toEqual([10_000, 6_500, 3_000]);
    expect(rankPoints([4, 3, 2, 1], "higher")).toEqual([10_000, 7_667, 5_333, 3_000]);
    expect(rankPoints([300, 100], "lower")).toEqual([3_000, 10_000]);
  });

  it("ties share the mean of the places they take; all equal is the middle", () => {
    expect(rankPoints([5, 5, 1], "higher")).toEqual([8_250, 8_250, 3_000]);
    expect(rankPoints([10, 7, 7, 1], "higher")).toEqual([10_000, 6_500, 6_500, 3_000]);
    expect(rankPoints([4, 4, 4], "higher")).toEqual([6_500, 6_500, 6_500]);
  });

  it("leaves unmeasured teams out", () => {
    expect(rankPoints([null, 2, 1], "higher")).toEqual([null, 10_000, 3_000]);
    expect(rankPoints([null, 7], "higher")).toEqual([null, 8_000]);
    expect(rankPoints([null, null], "higher")).toEqual([null, null]);
  });

  it("does not depend on the order of the teams (property, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { minLength: 1, maxLength: 9 }),
        fc.constantFrom("higher" as const, "lower" as const),
        (values, better) => {
          const points = rankPoints(values, better);
          const order = values.map((_, i) => i).reverse();
          const reversed = rankPoints(
            order.map((i) => values[i] ?? null),
            better,
          );
          expect(reversed).toEqual(order.map((i) => points[i]));
          // Equal values, equal points; a better value never scores less.
          values.forEach((v, i) => {
            values.forEach((w, j) => {
              if (v === null || w === null) return;
              const better_ = better === "higher" ? v > w : v < w;
              if (v === w) expect(points[i]).toBe(points[j]);
              if (better_) expect(points[i] as number).toBeGreaterThan(points[j] as number);
            });
          });
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("score formulas (GAME.md §12.4 steps 4–6, §12.2)", () => {
  it("quantitative = (40 P + 15 C + 15 R) / 70", () => {
    expect(quantitativeScoreBp({ primaryBp: 8_000, complianceBp: 9_000, riskBp: 7_000 })).toBe(8_000);
    expect(quantitativeScoreBp({ primaryBp: 10_000, complianceBp: 0, riskBp: 10_000 })).toBe(7_857);
  });

  it("period score = 0.7 quantitative + 0.3 qualitative; quantitative alone until the instructor scores", () => {
    expect(periodScoreBp(8_000, 9_000)).toBe(8_300);
    expect(periodScoreBp(8_000, null)).toBe(8_000);
  });

  it("final = 0.10 S1 + 0.25 S2 + 0.65 S3; periods not scored yet are left out", () => {
    expect(finalScoreBp([6_000, 7_000, 8_000])).toBe(7_550);
    expect(finalScoreBp([null, null, 8_000])).toBe(8_000);
    expect(finalScoreBp([5_000, 7_000])).toBe(6_429);
    expect(finalScoreBp([])).toBeNull();
  });
});

const kpi = (code: KpiCode, over: Partial<Kpi>): Kpi => ({
  code,
  label: code,
  group: "primary",
  value: null,
  unit: "cents",
  better: "higher",
  scoring: "rank",
  band: null,
  points: null,
  ...over,
});
const banded = (code: KpiCode, group: Kpi["group"], points: number | null): Kpi =>
  kpi(code, { group, scoring: "band", value: points, points, band: points === null ? null : "good" });
const team = (
  teamId: string,
  role: TeamKpis["role"],
  penaltyBp: number,
  kpis: Kpi[],
  measured = true,
): TeamKpis => ({
  teamId,
  role,
  measured,
  pnlCents: 0,
  penaltyBp,
  kpis,
});

describe("compositeScores", () => {
  const mmA = team("mm-a", "market_maker", 0, [
    kpi("PNL", { value: 5_000 }),
    banded("SPREAD_CAPTURE", "primary", 8_000),
    banded("SHARPE", "risk", null),
    banded("MAX_DRAWDOWN", "risk", 10_000),
  ]);
  const mmB = team("mm-b", "market_maker", 1_000, [
    kpi("PNL", { value: 3_000 }),
    banded("SPREAD_CAPTURE", "primary", 6_000),
    banded("SHARPE", "risk", 6_000),
    banded("MAX_DRAWDOWN", "risk", 10_000),
  ]);
  const hfAlone = team("hf", "hedge_fund", 12_000, [
    kpi("DELTA_COMPLIANCE", { value: 9_000, unit: "bp" }),
    banded("MAX_DRAWDOWN", "risk", 6_000),
  ]);
  const arbLate = team(
    "arb",
    "arbitrage_desk",
    0,
    [kpi("PNL", {}), banded("MAX_DRAWDOWN", "risk", null)],
    false,
  );

  it("ranks within each role, averages the KPI points and weighs the parts", () => {
    const rows = compositeScores([
      { kpis: mmA },
      { kpis: mmB, qualitative: 80 },
      { kpis: hfAlone },
      { kpis: arbLate },
    ]);
    expect(
      rows.map((r) => [r.teamId, r.primaryBp, r.complianceBp, r.riskBp, r.quantitativeBp, r.scoreBp]),
    ).toEqual([
      // P = (100 + 80) / 2; R = drawdown alone (no Sharpe yet); Q = (40 × 90 + 15 × 100 + 15 × 100) / 70.
      ["mm-a", 9_000, 10_000, 10_000, 9_429, 9_429],
      // P = (30 + 60) / 2, C = 100 − 10, R = (60 + 100) / 2; Q = 62.14; 0.7 × 62.14 + 0.3 × 80 = 67.50.
      ["mm-b", 4_500, 9_000, 8_000, 6_214, 6_750],
      // Alone in its role: 80; penalties above 100 % floor compliance at 0.
      ["hf", 8_000, 0, 6_000, 5_857, 5_857],
      ["arb", null, null, null, null, null],
    ]);
    expect(rows[0]?.kpis[0]?.points).toBe(10_000);
    expect(rows[1]?.kpis[0]?.points).toBe(3_000);
    expect(rows[1]?.qualitativeBp).toBe(8_000);
    // The input is not changed.
    expect(mmA.kpis[0]?.points).toBeNull();
  });

  it("gives the same rows whatever the order of the teams", () => {
    const forward = compositeScores([{ kpis: mmA }, { kpis: mmB }, { kpis: hfAlone }]);
    const backward = compositeScores([{ kpis: hfAlone }, { kpis: mmB }, { kpis: mmA }]);
    expect(backward.reverse()).toEqual(forward);
  });

  it("clamps the qualitative score to 0–100", () => {
    const [row] = compositeScores([{ kpis: mmA, qualitative: 140 }]);
    expect(row?.qualitativeBp).toBe(10_000);
  });
});
