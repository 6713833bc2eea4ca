import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";
import { checkLimits, worstCase } from "./worst-case-exposure";

describe("TokenBucket", () => {
  it("allows a burst of 40, then 20 a second, per team", () => {
    const bucket = new TokenBucket();
    const results = Array.from({ length: 41 }, () => bucket.take("a", 0));
    expect(results.filter(Boolean)).toHaveLength(40);
    expect(results[40]).toBe(false);
    expect(bucket.take("b", 0)).toBe(true); // another team is unaffected
    expect(bucket.take("a", 49)).toBe(false); // 0.98 tokens after 49 ms
    expect(bucket.take("a", 50)).toBe(true); // one token after 50 ms
    // One second later: 20 more.
    const later = Array.from({ length: 21 }, () => bucket.take("a", 1_050));
    expect(later.filter(Boolean)).toHaveLength(20);
  });

  it("counts a quote as two and restores from a snapshot to the same answers", () => {
    const bucket = new TokenBucket({ perSecond: 20, burst: 3 });
    expect(bucket.take("mm", 0, 2)).toBe(true);
    expect(bucket.take("mm", 0, 2)).toBe(false);
    const copy = new TokenBucket({ perSecond: 20, burst: 3 });
    copy.restore(bucket.snapshot());
    expect([copy.take("mm", 100, 2), bucket.take("mm", 100, 2)]).toEqual([true, true]);
  });
});

describe("worst-case position limits", () => {
  it("counts open orders on the same side as if they filled", () => {
    expect(worstCase({ position: 0, openBuy: 45, openSell: 0 })).toBe(45);
    expect(worstCase({ position: 10, openBuy: 0, openSell: 70 })).toBe(60);
    const exposures = { X: { position: 0, openBuy: 45, openSell: 0 } };
    // The reference allowed 45 + 10 resting bids at ±50 (and then a breach by fills); we refuse the second.
    expect(
      checkLimits(
        exposures,
        { instrument: "X", side: "buy", quantity: 10 },
        { perInstrument: 50, total: 200 },
      ),
    ).toEqual({
      ok: false,
      scope: "instrument",
      exposure: 55,
      limit: 50,
    });
    expect(
      checkLimits(
        exposures,
        { instrument: "X", side: "buy", quantity: 5 },
        { perInstrument: 50, total: 200 },
      ),
    ).toEqual({ ok: true });
    // Selling against a long reduces nothing on the buy side: exposure stays the larger of the two sides.
    expect(
      checkLimits(
        exposures,
        { instrument: "X", side: "sell", quantity: 50 },
        { perInstrument: 50, total: 200 },
      ),
    ).toEqual({ ok: true });
  });

  it("checks the total across instruments, inclusive at the limit", () => {
    const exposures = {
      A: { position: 50, openBuy: 0, openSell: 0 },
      B: { position: -50, openBuy: 0, openSell: 0 },
    };
    expect(
      checkLimits(
        exposures,
        { instrument: "C", side: "buy", quantity: 100 },
        { perInstrument: 100, total: 200 },
      ),
    ).toEqual({ ok: true });
    expect(
      checkLimits(
        exposures,
        { instrument: "C", side: "buy", quantity: 101 },
        { perInstrument: 200, total: 200 },
      ),
    ).toMatchObject({
      ok: false,
      scope: "total",
      exposure: 201,
    });
  });
});
