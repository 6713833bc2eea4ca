import { describe, expect, it } from "vitest";
import { compositeScores } from "../scoring";
import { type LiveTeamFigures, liveKpis } from "./live-kpis";

const maker = (over: Partial<LiveTeamFigures> = {}): LiveTeamFigures => ({
  teamId: "mm",
  role: "market_maker",
  pnlCents: 0,
  feesCents: 0,
  penaltyBp: 0,
  maxDrawdownCents: 0,
  sessionPnlCents: [],
  contracts: 0,
  marketContracts: 0,
  coverageBp: null,
  deltaWithinBp: null,
  balanceBp: null,
  ...over,
});
const score = (...teams: { figures: LiveTeamFigures; qualitative?: number }[]) =>
  new Map(
    compositeScores(
      teams.map((t) => ({ kpis: liveKpis(t.figures), qualitative: t.qualitative ?? null })),
    ).map((r) => [r.teamId, r.scoreBp]),
  );

describe("live role KPIs and the score (GAME.md §12.3–12.4)", () => {
  it("worked example: a market maker alone, quoting 96% with half the volume", () => {
    const figures = maker({ coverageBp: 9_600, contracts: 500, marketContracts: 1_000, feesCents: 1_000 });
    const kpis = liveKpis(figures).kpis;
    expect(kpis.map((k) => [k.code, k.band, k.points])).toEqual([
      ["QUOTE_UPTIME", "excellent", 10_000],
      ["VOLUME_SHARE", "excellent", 10_000],
      ["FEE_REVENUE", null, null], // ranked among the role: alone, 80
      ["SHARPE", null, null], // one session or fewer: not measured, left out of the risk mean
      ["MAX_DRAWDOWN", "excellent", 10_000],
    ]);
    // Primary (100 + 100 + 80) / 3 = 93.33; compliance 100; risk 100 → (40 × 93.33 + 15 × 100 + 15 × 100) / 70.
    const quantitative = (40 * 9_333 + 15 * 10_000 + 15 * 10_000) / 70;
    expect(score({ figures })).toEqual(new Map([["mm", Math.round(quantitative)]]));
    // With the instructor's qualitative 50: 0.7 × quantitative + 0.3 × 50.
    const graded = score({ figures, qualitative: 50 }).get("mm") ?? 0;
    expect(Math.abs(graded - (0.7 * quantitative + 0.3 * 5_000))).toBeLessThanOrEqual(1);
  });

  it("with equal P&L, the market maker that meets its quoting obligation outscores the one that does not", () => {
    const good = maker({ teamId: "good", coverageBp: 9_000, contracts: 300, marketContracts: 600 });
    const idle = maker({ teamId: "idle", coverageBp: 1_000, contracts: 300, marketContracts: 600 });
    const scores = score({ figures: good }, { figures: idle });
    expect(scores.get("good")).toBeGreaterThan(scores.get("idle") ?? 0);
  });

  it("hedge funds: return on capital banded, delta compliance ranked; arbitrage: pair balance and P&L ranked", () => {
    const fund = (teamId: string, pnlCents: number, deltaWithinBp: number): LiveTeamFigures =>
      maker({ teamId, role: "hedge_fund", pnlCents, deltaWithinBp });
    const [a, b] = [fund("a", 16_000_000, 10_000), fund("b", 16_000_000, 5_000)];
    expect(liveKpis(a).kpis[0]).toMatchObject({ code: "RETURN_ON_CAPITAL", value: 1_600, band: "excellent" });
    const scores = score({ figures: a }, { figures: b });
    expect(scores.get("a")).toBeGreaterThan(scores.get("b") ?? 0); // same return, better delta discipline
    const arb = liveKpis(maker({ teamId: "x", role: "arbitrage_desk", balanceBp: 8_000, pnlCents: 5 }));
    expect(arb.kpis.map((k) => k.code)).toEqual(["PAIR_BALANCE", "PNL", "SHARPE", "MAX_DRAWDOWN"]);
  });

  it("Sharpe counts once two sessions have closed, and drawdowns past the bands score poor", () => {
    const k = liveKpis(
      maker({ sessionPnlCents: [10_000, 12_000, 8_000], maxDrawdownCents: 20_000_000 }),
    ).kpis;
    expect(k.find((x) => x.code === "SHARPE")?.value).toBeGreaterThan(0);
    expect(k.find((x) => x.code === "MAX_DRAWDOWN")).toMatchObject({
      value: 2_000,
      band: "poor",
      points: 3_000,
    });
  });
});
