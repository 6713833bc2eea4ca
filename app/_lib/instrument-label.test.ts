import { describe, expect, it } from "vitest";
import { instrumentLabel } from "./instrument-label";

describe("instrument labels", () => {
  it("shortens canonical symbols to underlying, strike, C/P and expiry day", () => {
    expect(instrumentLabel("SPX_4310_CALL_2024-02-15")).toBe("SPX 4310C 15 Feb");
    expect(instrumentLabel("SPY_437.5_PUT_2024-03-07")).toBe("SPY 437.5P 7 Mar");
    expect(instrumentLabel("SPY_437.05_CALL_2024-12-31")).toBe("SPY 437.05C 31 Dec");
  });

  it("shows anything else unchanged", () => {
    expect(instrumentLabel("SPX")).toBe("SPX");
    expect(instrumentLabel("SPX_4310_CALL_2024-02-30")).toBe("SPX_4310_CALL_2024-02-30");
    expect(instrumentLabel("")).toBe("");
  });
});
