import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLIANCE_CONFIG } from "./compliance-config";
import { ComplianceMonitor } from "./compliance-monitor";
import { at, LISTED, mm } from "./compliance-test-kit";
import { breachTier, overages } from "./position-limits";

const TIERS = DEFAULT_COMPLIANCE_CONFIG.breachTiers;
const X = LISTED[0]?.symbol as string;

describe("position-limit tiers (GAME.md §11.5)", () => {
  it("o < 10 % minor, 10 % ≤ o ≤ 25 % major, o > 25 % severe; the limit itself is no breach", () => {
    const tier = (held: number, limit: number) => breachTier({ scope: X, held, limit }, TIERS);
    expect(overages({ [X]: 50 }, { perInstrument: 50, total: 200 })).toEqual([]);
    expect(overages({ [X]: -51 }, { perInstrument: 50, total: 200 })).toEqual([
      { scope: X, held: 51, limit: 50 },
    ]);
    expect([54, 55, 62, 63].map((h) => tier(h, 50))).toEqual(["minor", "major", "major", "severe"]);
    expect([109, 110, 125, 126].map((h) => tier(h, 100))).toEqual(["minor", "major", "major", "severe"]);
  });

  it("checks the total over all options as well as each option", () => {
    const positions = { a: 45, b: -45, c: 45, d: 45, e: 45 };
    expect(overages(positions, { perInstrument: 50, total: 200 })).toEqual([
      { scope: "total", held: 225, limit: 200 },
    ]);
  });
});

describe("position-limit episodes", () => {
  it("counts an episode once at its worst tier, from the first breach until back within the limit", () => {
    const monitor = new ComplianceMonitor();
    const fill = (atMs: number, position: number) =>
      monitor.checkPositions({ atMs, teamId: "mm", role: "market_maker", positions: { [X]: position } });
    expect(fill(1, 54).checks.at(-1)).toMatchObject({ code: "POSITION_LIMIT", ok: false, value: 800 });
    fill(2, 60); // 20 %: major
    fill(3, 52);
    expect(fill(4, 40).checks.at(-1)).toMatchObject({ ok: true, value: 0 });
    fill(5, -51); // a new episode
    expect(monitor.breaches("mm").map((b) => [b.tier, b.penaltyBp, b.value, b.atMs, b.endedAtMs])).toEqual([
      ["major", 1_500, 2_000, 1, 4],
      ["minor", 500, 200, 5, null],
    ]);
    expect(monitor.penalties("mm").items).toEqual([
      { code: "POSITION_LIMIT", label: "Position limit breach", count: 2, penaltyBp: 2_000 },
    ]);
  });

  it("a breach between sessions (expiry at the close) belongs to the last session", () => {
    const monitor = new ComplianceMonitor();
    monitor.sample(at(1, [mm("mm", 4)], 3));
    monitor.closeSession(at(19_800, [], 3).atMs);
    monitor.checkPositions({
      atMs: at(19_801, [], 3).atMs,
      teamId: "mm",
      role: "market_maker",
      positions: { [X]: 70 },
    });
    expect(monitor.breaches("mm")[0]).toMatchObject({ session: 3, tier: "severe" });
    expect(monitor.penalties("mm", { fromSession: 3, toSession: 3 }).totalBp).toBe(3_000);
  });

  it("is also measured at every sample, with the role's limits", () => {
    const monitor = new ComplianceMonitor();
    monitor.sample(at(1, [{ ...mm("mm", 4), positions: { [X]: 63 } }]));
    monitor.sample(at(2, [{ teamId: "hf", role: "hedge_fund", positions: { [X]: 150 }, deltaMilli: 0 }]));
    expect(monitor.breaches("mm")).toMatchObject([
      { code: "POSITION_LIMIT", tier: "severe", penaltyBp: 3_000 },
    ]);
    expect(monitor.breaches("hf")).toEqual([]); // 150 is the hedge fund's own limit
  });
});
