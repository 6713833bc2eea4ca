import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLIANCE_CONFIG } from "./compliance-config";
import { ComplianceMonitor } from "./compliance-monitor";
import { at, boundary, DAY, hf, LISTED, mm, OPEN, run, SPX_CALL, SPY_CALL } from "./compliance-test-kit";
import { uptimeBandPenaltyBp } from "./penalty-summary";
import { spxEquivalentDeltaMilli } from "./portfolio-delta";

const check = (monitor: ComplianceMonitor, teamId: string, code: string) =>
  monitor.status(teamId)?.checks.find((c) => c.code === code);

describe("market maker quoting coverage (GAME.md §11.2)", () => {
  it("C_w = quoted instrument-seconds / required instrument-seconds over the 5-minute window", () => {
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 150, [mm("mm", 2)]); // 2 of 4 options for 150 s
    run(monitor, 151, 300, [mm("mm", 4)]); // all 4 for 150 s; t = 300 closes the window
    // (2 × 150 + 4 × 150) / (4 × 300) = 75 %.
    expect(check(monitor, "mm", "MM_QUOTE_COVERAGE")).toMatchObject({
      ok: false,
      value: 7_500,
      threshold: 8_000,
    });
    expect(monitor.reducedRebate("mm")).toBe(true);
    expect(monitor.breaches("mm")).toMatchObject([
      { code: "MM_WINDOW_COVERAGE", penaltyBp: 0, value: 7_500 },
    ]);
    // The next window at 100 %: the rebate is back, uptime is the mean of the two windows.
    run(monitor, 301, 600, [mm("mm", 4)]);
    expect(monitor.reducedRebate("mm")).toBe(false);
    expect(check(monitor, "mm", "MM_SESSION_UPTIME")).toMatchObject({ ok: true, value: 8_750 });
  });

  it("counts the boundary sample in the window it closes; the next window starts empty", () => {
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 299, [mm("mm", 0)]);
    monitor.sample(at(300, [mm("mm", 4)]));
    // 4 instrument-seconds of 1,200: 33 bp.
    expect(monitor.kpis("mm").uptimeBp).toBe(33);
    monitor.sample(at(301, [mm("mm", 0)]));
    expect(check(monitor, "mm", "MM_QUOTE_COVERAGE")?.value).toBe(0); // live window: 0 of 4
  });

  it("weights a batched sample by its seconds: the same as sampling every second", () => {
    const perSecond = new ComplianceMonitor();
    const batched = new ComplianceMonitor();
    run(perSecond, 1, 180, [mm("mm", 3)]);
    run(perSecond, 181, 300, [mm("mm", 1)]);
    batched.sample(at(120, [mm("mm", 3)], 1, { seconds: 120 }));
    batched.sample(at(180, [mm("mm", 3)], 1, { seconds: 60 }));
    batched.sample(at(300, [mm("mm", 1)], 1, { seconds: 120 }));
    // (3 × 180 + 1 × 120) / 1,200 = 55 %.
    expect(batched.kpis("mm")).toEqual(perSecond.kpis("mm"));
    expect(batched.kpis("mm").uptimeBp).toBe(5_500);
    expect(() => batched.sample(at(301, [mm("mm", 1)], 1, { seconds: 0.5 }))).toThrow(RangeError);
  });

  it("a window in which nothing was required does not count and lifts a reduced rebate", () => {
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 300, [mm("mm", 0)]);
    expect(monitor.reducedRebate("mm")).toBe(true);
    const cheap = LISTED.map((i) => ({ ...i, theoTicks: 4 }));
    for (let t = 301; t <= 600; t++) monitor.sample(at(t, [mm("mm", 0)], 1, { instruments: cheap }));
    expect(monitor.reducedRebate("mm")).toBe(false);
    expect(monitor.kpis("mm").uptimeBp).toBe(0); // still one window, at 0 %
    expect(monitor.snapshot().teams.mm?.sessions[0]).toMatchObject({ windows: 1, coverageBpSum: 0 });
  });

  it("session uptime = mean of the windows; a warning under 70 %, a flag under 60 %, judged at the close", () => {
    const session = (quoted: number[], sessionNo: number, monitor: ComplianceMonitor) => {
      quoted.forEach((n, k) => {
        run(monitor, k * 300 + 1, (k + 1) * 300, [mm("mm", n)], sessionNo);
      });
      monitor.closeSession(OPEN + (sessionNo - 1) * DAY + 19_800_000);
    };
    const monitor = new ComplianceMonitor();
    session([4, 2, 2], 1, monitor); // 100, 50, 50 → 66.66 %: warning
    session([4, 4, 1, 1], 2, monitor); // 100, 100, 25, 25 → 62.5 %: warning
    session([2, 2, 3], 3, monitor); // 50, 50, 75 → 58.33 %: flag
    session([4, 1, 3, 4], 4, monitor); // 100, 25, 75, 100 → exactly 75 %: nothing
    const codes = monitor.breaches("mm").filter((b) => b.code !== "MM_WINDOW_COVERAGE");
    expect(codes.map((b) => [b.session, b.code, b.value])).toEqual([
      [1, "MM_UPTIME_WARNING", 6_666],
      [2, "MM_UPTIME_WARNING", 6_250],
      [3, "MM_UPTIME_FLAG", 5_833],
    ]);
    expect(monitor.kpis("mm", { fromSession: 4, toSession: 4 }).uptimeBp).toBe(7_500);
  });

  it("a partly filled window counts at the close; a sample of the next session closes the last one", () => {
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 300, [mm("mm", 4)]);
    run(monitor, 301, 400, [mm("mm", 1)]); // 100 s of a window at 25 %
    monitor.sample(at(1, [mm("mm", 4)], 2)); // session 2 starts: session 1 closes with its partial window
    const [first, second] = monitor.snapshot().teams.mm?.sessions ?? [];
    expect(first).toMatchObject({ session: 1, windows: 2, coverageBpSum: 12_500, closed: true });
    expect(second).toMatchObject({ session: 2, windows: 0, closed: false });
  });

  it("the uptime band is the graduated penalty: ≥ 95 % none, ≥ 85 % 10 %, ≥ 80 % 25 %, else 50 %", () => {
    const mmRules = DEFAULT_COMPLIANCE_CONFIG.marketMaker;
    expect([9_500, 9_499, 8_500, 8_499, 8_000, 7_999, 0].map((u) => uptimeBandPenaltyBp(u, mmRules))).toEqual(
      [0, 1_000, 1_000, 2_500, 2_500, 5_000, 5_000],
    );
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 300, [mm("mm", 4)]);
    run(monitor, 301, 600, [mm("mm", 3)]); // mean 87.5 %
    expect(monitor.penalties("mm")).toEqual({
      items: [{ code: "MM_UPTIME_BAND", label: "Quote uptime band", count: 1, penaltyBp: 1_000 }],
      totalBp: 1_000,
    });
    expect(monitor.status("mm")?.penaltyBp).toBe(1_000);
  });
});

describe("hedge fund delta limit (GAME.md §11.3, Appendix B.3)", () => {
  const spot = { spxTicks: 440_000, spyTicks: 44_000 };
  const b3 = [
    { quantity: 100, delta: 0.52, underlying: "SPX" as const },
    { quantity: -40, delta: -0.47, underlying: "SPY" as const },
  ];

  it("B.3: 100 × 0.52 + (−40) × (−0.47) × 0.1 = 53.88, a breach; selling 4 SPX brings it to 49.88", () => {
    expect(spxEquivalentDeltaMilli(b3, spot)).toBe(53_880);
    expect(spxEquivalentDeltaMilli([...b3, { quantity: -4, delta: 1, underlying: "SPX" }], spot)).toBe(
      49_880,
    );
  });

  it("counts a breach tick only at tick boundaries, −2 % each; exactly ±50 is within", () => {
    const monitor = new ComplianceMonitor();
    monitor.sample(at(10, [hf("hf", 90_000)])); // between boundaries: shown, not counted
    expect(check(monitor, "hf", "HF_DELTA")).toMatchObject({ ok: false, value: 90_000, unit: "delta_milli" });
    expect(monitor.breaches("hf")).toEqual([]);
    boundary(monitor, 1, [hf("hf", 53_880)]);
    boundary(monitor, 2, [hf("hf", 50_000)]);
    boundary(monitor, 3, [hf("hf", -50_001)]);
    boundary(monitor, 4, [hf("hf", 49_880)]);
    expect(monitor.breaches("hf").map((b) => [b.code, b.value, b.penaltyBp])).toEqual([
      ["HF_DELTA", 53_880, 200],
      ["HF_DELTA", -50_001, 200],
    ]);
    expect(monitor.kpis("hf")).toEqual({ uptimeBp: null, ticksOkBp: 5_000, penaltyBp: 400 });
    expect(monitor.status("hf")?.ok).toBe(true);
  });

  it("caps the penalties at 100 %", () => {
    const monitor = new ComplianceMonitor();
    for (let k = 1; k <= 60; k++) boundary(monitor, k, [hf("hf", 60_000)]);
    expect(monitor.penalties("hf").items).toEqual([
      { code: "HF_DELTA", label: "Delta outside the limit (per tick)", count: 60, penaltyBp: 12_000 },
    ]);
    expect(monitor.penalties("hf").totalBp).toBe(10_000);
  });

  it("a breach at the last boundary of a session stays in that session's range", () => {
    const monitor = new ComplianceMonitor();
    boundary(monitor, 1, [hf("hf", 60_000)], 1);
    boundary(monitor, 1, [hf("hf", 60_000)], 2);
    boundary(monitor, 2, [hf("hf", 60_000)], 2);
    expect(monitor.penalties("hf", { toSession: 1 }).totalBp).toBe(200);
    expect(monitor.penalties("hf", { fromSession: 2 }).totalBp).toBe(400);
    expect(monitor.breaches("hf", { fromSession: 2 })).toHaveLength(2);
  });
});

describe("status", () => {
  it("is a read: calling it changes nothing; unknown teams have none", () => {
    const monitor = new ComplianceMonitor();
    run(monitor, 1, 10, [mm("mm", 3, { [SPX_CALL]: 60 }), hf("hf", 1_000, { [SPY_CALL]: 5 })]);
    const before = monitor.snapshot();
    monitor.status("mm");
    monitor.status("hf");
    monitor.penalties("mm");
    monitor.kpis("hf");
    expect(monitor.snapshot()).toEqual(before);
    expect(monitor.status("nobody")).toBeNull();
    expect(monitor.penalties("nobody")).toEqual({ items: [], totalBp: 0 });
  });

  it("returns one status per sampled team, ok only when every check is", () => {
    const monitor = new ComplianceMonitor();
    const statuses = monitor.sample(at(1, [mm("mm", 4, { [SPX_CALL]: 51 }), hf("hf", 0)]));
    expect(statuses.map((s) => [s.teamId, s.ok, s.checks.map((c) => c.code)])).toEqual([
      ["mm", false, ["MM_QUOTE_COVERAGE", "MM_SESSION_UPTIME", "POSITION_LIMIT"]],
      ["hf", true, ["HF_DELTA", "POSITION_LIMIT"]],
    ]);
  });
});
