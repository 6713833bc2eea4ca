import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLIANCE_CONFIG } from "./compliance-config";
import { ComplianceMonitor } from "./compliance-monitor";
import { arb, at, boundary, LISTED, SPOT, SPX_CALL, SPX_PUT, SPY_CALL } from "./compliance-test-kit";
import { classifyPair, grossNotional } from "./pair-balance";

const ARB = DEFAULT_COMPLIANCE_CONFIG.arbitrage;
const balanced = { [SPX_CALL]: -10, [SPY_CALL]: 100 };
const lopsided = { [SPX_CALL]: -30, [SPY_CALL]: 100 }; // R = 3
const oneLeg = { [SPY_CALL]: 100 };

describe("pair balance (GAME.md §11.4, Appendix B.4)", () => {
  it("B.4: short 10 SPX calls, long 100 SPY calls: V_SPX = V_SPY = $4.4M, R = 1.0 (well balanced)", () => {
    const v = grossNotional(balanced, LISTED, SPOT);
    expect(v).toEqual({ spx: 440_000_000, spy: 440_000_000 });
    expect(classifyPair(v, ARB)).toEqual({ state: "balanced", ratioBp: 10_000 });
    // B.4: long 100 SPY only is single-leg exposure; both flat is balanced.
    expect(classifyPair(grossNotional(oneLeg, LISTED, SPOT), ARB)).toEqual({
      state: "single_leg",
      ratioBp: null,
    });
    expect(classifyPair({ spx: 0, spy: 0 }, ARB)).toEqual({ state: "flat", ratioBp: null });
  });

  it("the 2:1 band is inclusive and compared exactly, not on the floored ratio", () => {
    expect(classifyPair({ spx: 5_000, spy: 10_000 }, ARB).state).toBe("balanced");
    expect(classifyPair({ spx: 4_999, spy: 10_000 }, ARB).state).toBe("unbalanced");
    expect(classifyPair({ spx: 20_000, spy: 10_000 }, ARB).state).toBe("balanced");
    // 2.00001: floored to 20,000 bp but over the band.
    expect(classifyPair({ spx: 200_001, spy: 100_000 }, ARB)).toEqual({
      state: "unbalanced",
      ratioBp: 20_000,
    });
  });

  it("single-leg exposure at a boundary costs 10 % once per episode", () => {
    const monitor = new ComplianceMonitor();
    boundary(monitor, 1, [arb("arb", oneLeg)]);
    boundary(monitor, 2, [arb("arb", oneLeg)]);
    boundary(monitor, 3, [arb("arb", balanced)]);
    monitor.sample(at(1_000, [arb("arb", oneLeg)])); // between boundaries: shown, not penalised
    expect(monitor.status("arb")?.checks[0]).toMatchObject({
      code: "ARB_PAIR_BALANCE",
      ok: false,
      value: null,
    });
    boundary(monitor, 4, [arb("arb", balanced)]);
    boundary(monitor, 5, [arb("arb", { [SPX_PUT]: 3 })]);
    expect(monitor.breaches("arb").map((b) => [b.code, b.penaltyBp, b.atMs - at(0, []).atMs])).toEqual([
      ["ARB_SINGLE_LEG", 1_000, 300_000],
      ["ARB_SINGLE_LEG", 1_000, 1_500_000],
    ]);
  });

  it("more than 5 consecutive ticks out of balance costs 5 % once per run; a balanced tick ends the run", () => {
    const monitor = new ComplianceMonitor();
    let k = 0;
    for (let i = 0; i < 5; i++) boundary(monitor, ++k, [arb("arb", lopsided)]);
    expect(monitor.breaches("arb")).toEqual([]);
    boundary(monitor, ++k, [arb("arb", lopsided)]); // the 6th
    boundary(monitor, ++k, [arb("arb", lopsided)]); // the 7th: same run
    expect(monitor.breaches("arb").map((b) => [b.code, b.penaltyBp, b.value])).toEqual([
      ["ARB_IMBALANCE_RUN", 500, 30_000],
    ]);
    boundary(monitor, ++k, [arb("arb", balanced)]);
    for (let i = 0; i < 6; i++) boundary(monitor, ++k, [arb("arb", lopsided)]);
    expect(monitor.penalties("arb").items).toEqual([
      {
        code: "ARB_IMBALANCE_RUN",
        label: "Out of balance > 5 consecutive ticks",
        count: 2,
        penaltyBp: 1_000,
      },
    ]);
    expect(monitor.kpis("arb").ticksOkBp).toBe(Math.floor((1 * 10_000) / 14));
  });

  it("persistent imbalance: more than 25 % of a session's ticks out of balance costs 20 % at the close", () => {
    const session = (outTicks: number, sessionNo: number, monitor: ComplianceMonitor) => {
      // Out at every other tick (short runs), 66 ticks in all.
      for (let k = 1; k <= 66; k++)
        boundary(monitor, k, [arb("arb", k % 2 === 0 && k <= 2 * outTicks ? lopsided : balanced)], sessionNo);
      monitor.closeSession(at(66 * 300, [], sessionNo).atMs);
    };
    const monitor = new ComplianceMonitor();
    session(16, 1, monitor); // 24.2 %
    session(17, 2, monitor); // 25.8 %
    expect(monitor.breaches("arb").map((b) => [b.session, b.code, b.penaltyBp, b.value])).toEqual([
      [2, "ARB_PERSISTENT_IMBALANCE", 2_000, 2_575],
    ]);
    expect(monitor.kpis("arb", { fromSession: 1, toSession: 1 }).ticksOkBp).toBe(7_575);
  });

  it("uses the caller's per-leg exposure when given (delta-weighted balance)", () => {
    const monitor = new ComplianceMonitor();
    boundary(monitor, 1, [{ ...arb("arb", oneLeg), pairExposure: { spx: 3, spy: 2 } }]);
    expect(monitor.status("arb")?.checks[0]).toMatchObject({ ok: true, value: 15_000 });
    expect(monitor.breaches("arb")).toEqual([]);
  });
});
