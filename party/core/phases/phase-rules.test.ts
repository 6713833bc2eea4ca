import { describe, expect, it } from "vitest";
import { admits, nextPhase, type Phase, type PhaseCommand, transition } from "./phase-rules";

describe("phase rules", () => {
  it("admits exactly what DECISIONS.md says each phase allows", () => {
    const table: Record<Phase, Record<PhaseCommand, string | null>> = {
      closed: {
        limit: "MARKET_CLOSED",
        market: "MARKET_CLOSED",
        quote: "MARKET_CLOSED",
        cancel: "MARKET_CLOSED",
      },
      pre_open: { limit: null, market: "PHASE_NOT_ALLOWED", quote: null, cancel: null },
      opening_auction: {
        limit: "PHASE_NOT_ALLOWED",
        market: "PHASE_NOT_ALLOWED",
        quote: "PHASE_NOT_ALLOWED",
        cancel: "PHASE_NOT_ALLOWED",
      },
      continuous: { limit: null, market: null, quote: null, cancel: null },
      paused: {
        limit: "PHASE_NOT_ALLOWED",
        market: "PHASE_NOT_ALLOWED",
        quote: "PHASE_NOT_ALLOWED",
        cancel: null,
      },
    };
    for (const [phase, row] of Object.entries(table) as [Phase, Record<PhaseCommand, string | null>][]) {
      for (const [command, code] of Object.entries(row) as [PhaseCommand, string | null][]) {
        expect(admits(phase, command)?.code ?? null, `${phase} ${command}`).toBe(code);
      }
    }
    expect(admits("pre_open", "market")?.message).toBe("Market orders are not accepted during pre-open.");
  });

  it("runs the auction on the way into matching, cancels resting orders at the close", () => {
    expect(transition("pre_open", "opening_auction")).toEqual(["run_auction"]);
    expect(transition("pre_open", "continuous")).toEqual(["run_auction"]);
    expect(transition("paused", "continuous")).toEqual(["run_auction"]); // resume runs an auction
    expect(transition("continuous", "closed")).toEqual(["cancel_all_resting"]);
    expect(transition("pre_open", "closed")).toEqual(["cancel_all_resting"]);
    expect(transition("continuous", "paused")).toEqual([]);
    expect(transition("closed", "closed")).toEqual([]);
  });

  it("advances one step through a session", () => {
    const seen: Phase[] = ["closed"];
    for (let i = 0; i < 4; i++) seen.push(nextPhase(seen.at(-1) as Phase));
    expect(seen).toEqual(["closed", "pre_open", "opening_auction", "continuous", "closed"]);
  });
});
