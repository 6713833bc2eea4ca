import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildChain, strikesFor, weeklyExpiry } from "./chain";
import { cents, lots, notional, ticks } from "./money";
import { formatStrike, formatSymbol, parseSymbol } from "./symbol";

const SEED = 20_261_124;

describe("symbols", () => {
  it("formats the canonical form and parses it back", () => {
    const spec = {
      underlying: "SPX" as const,
      strikeCents: 440_000,
      optionType: "call" as const,
      expiry: "2024-02-15",
    };
    expect(formatSymbol(spec)).toBe("SPX_4400_CALL_2024-02-15");
    expect(parseSymbol("SPX_4400_CALL_2024-02-15")).toEqual(spec);
    expect(formatStrike(43_750)).toBe("437.5");
    expect(formatStrike(43_705)).toBe("437.05");
    expect(parseSymbol("SPY_437.5_PUT_2024-02-15")?.strikeCents).toBe(43_750);
  });

  it("refuses other spellings, impossible dates and non-canonical strikes", () => {
    for (const bad of [
      "SPX_4500_CALL",
      "SPX_CALL_4500_20240315",
      "spx_4400_CALL_2024-02-15",
      "SPX_4400_CALL_2024-02-30",
      "SPX_437.50_PUT_2024-02-15",
      "SPX_04400_CALL_2024-02-15",
      "QQQ_400_CALL_2024-02-15",
      "SPX_0_PUT_2024-02-15",
    ]) {
      expect(parseSymbol(bad), bad).toBeNull();
    }
  });

  it("round-trips every spec (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("SPX" as const, "SPY" as const),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.constantFrom("call" as const, "put" as const),
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2099, 11, 31)),
          noInvalidDate: true,
        }),
        (underlying, strikeCents, optionType, date) => {
          const spec = { underlying, strikeCents, optionType, expiry: date.toISOString().slice(0, 10) };
          expect(parseSymbol(formatSymbol(spec))).toEqual(spec);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe("option chain", () => {
  it("reproduces the documented strike ladders", () => {
    const full = [
      7_000, 7_500, 8_000, 8_500, 9_000, 9_500, 9_750, 10_000, 10_250, 10_500, 11_000, 11_500, 12_000, 12_500,
      13_000,
    ];
    expect(strikesFor("SPX", 440_000, full).map((c) => c / 100)).toEqual([
      3080, 3300, 3520, 3740, 3960, 4180, 4290, 4400, 4510, 4620, 4840, 5060, 5280, 5500, 5720,
    ]);
    expect(strikesFor("SPY", 44_000, full).map((c) => c / 100)).toEqual([
      308, 330, 352, 374, 396, 418, 429, 440, 451, 462, 484, 506, 528, 550, 572,
    ]);
    expect(strikesFor("SPX", 440_000, [9_800, 9_900, 10_000, 10_100, 10_200]).map((c) => c / 100)).toEqual([
      4310, 4360, 4400, 4440, 4490,
    ]);
  });

  it("lists 60 options in the compact preset and 240 in the full one, on Thursday expiries", () => {
    const spotCents = { SPX: 440_000, SPY: 44_000 };
    const compact = buildChain({ preset: "compact", startIso: "2024-02-06", spotCents });
    const full = buildChain({ preset: "full", startIso: "2024-02-06", spotCents });
    expect(compact).toHaveLength(60);
    expect(full).toHaveLength(240);
    expect(new Set(compact.map((i) => i.expiry))).toEqual(
      new Set(["2024-02-08", "2024-02-15", "2024-02-29"]),
    );
    expect(new Set(full.map((i) => i.symbol)).size).toBe(240);
    expect(weeklyExpiry("2024-02-06", 1)).toBe("2024-02-08");
    expect(compact[0]?.symbol).toBe("SPX_4310_CALL_2024-02-08");
  });
});

describe("integer units", () => {
  it("accepts safe integers only and computes notional in cents", () => {
    expect(notional(ticks(2540), lots(10))).toBe(2_540_000); // $25.40 × 10 contracts × 100 = $25,400
    expect(() => ticks(25.4)).toThrow(RangeError);
    expect(() => cents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => notional(ticks(2 ** 40), lots(2 ** 20))).toThrow(RangeError);
  });
});
