import { describe, expect, it } from "vitest";
import { ComplianceMonitor } from "./compliance-monitor";
import { arb, at, hf, mm, SPX_CALL, SPY_CALL } from "./compliance-test-kit";
import type { ComplianceStatus } from "./compliance-types";

type Step = (monitor: ComplianceMonitor) => ComplianceStatus[];

/** Two sessions of 1,200 s each with all three roles doing varied things, plus fills and a close. */
function script(): Step[] {
  const steps: Step[] = [];
  for (const session of [1, 2]) {
    for (let t = 1; t <= 1_200; t++) {
      const teams = [
        mm("mm", (t * 7) % 5, { [SPX_CALL]: (t % 97) - 20 }),
        hf("hf", (((t * 37) % 120) - 60) * 1_000),
        arb("arb", { [SPX_CALL]: -((t / 100) | 0) % 4, [SPY_CALL]: 10 * ((t / 150) | 0) }),
      ];
      steps.push((m) => m.sample(at(t, teams, session)));
      if (t % 45 === 0)
        steps.push((m) => [
          m.checkPositions({
            atMs: at(t, [], session).atMs + 1,
            teamId: "arb",
            role: "arbitrage_desk",
            positions: { [SPY_CALL]: 90 + (t % 30) },
          }),
        ]);
    }
    if (session === 1)
      steps.push((m) => {
        m.closeSession(at(1_200, [], 1).atMs);
        return [];
      });
  }
  return steps;
}

describe("ComplianceMonitor snapshot/restore", () => {
  it("restoring a snapshot (through JSON) mid-game continues exactly like the monitor never stopped", () => {
    const steps = script();
    for (const cut of [1, 777, 1_300, steps.length - 1]) {
      const straight = new ComplianceMonitor();
      const before = new ComplianceMonitor();
      const straightOut = steps.map((step) => step(straight));
      steps.slice(0, cut).forEach((step) => {
        step(before);
      });
      const saved = JSON.parse(JSON.stringify(before.snapshot()));
      const restored = ComplianceMonitor.restore(saved);
      const restoredOut = steps.slice(cut).map((step) => step(restored));
      expect(restoredOut).toEqual(straightOut.slice(cut));
      expect(restored.snapshot()).toEqual(straight.snapshot());
      for (const team of ["mm", "hf", "arb"]) {
        expect(restored.penalties(team)).toEqual(straight.penalties(team));
        expect(restored.breaches(team)).toEqual(straight.breaches(team));
      }
    }
  });

  it("the snapshot is a copy: changing it does not change the monitor", () => {
    const monitor = new ComplianceMonitor();
    monitor.sample(at(1, [hf("hf", 70_000)]));
    const snap = monitor.snapshot();
    (snap.teams.hf as { liveDeltaMilli: number }).liveDeltaMilli = 0;
    expect(monitor.status("hf")?.checks[0]?.value).toBe(70_000);
  });

  it("the script is not trivial: it records breaches of six kinds", () => {
    const monitor = new ComplianceMonitor();
    for (const step of script()) step(monitor);
    const codes = new Set(["mm", "hf", "arb"].flatMap((t) => monitor.breaches(t).map((b) => b.code)));
    expect([...codes].sort()).toEqual([
      "ARB_PERSISTENT_IMBALANCE",
      "ARB_SINGLE_LEG",
      "HF_DELTA",
      "MM_UPTIME_FLAG",
      "MM_WINDOW_COVERAGE",
      "POSITION_LIMIT",
    ]);
  });
});
