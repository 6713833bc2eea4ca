import { describe, expect, it } from "vitest";
import { formatCents, formatPnl, formatTicks, parsePriceToTicks, parseQuantity } from "./format";

describe("price and money formatting", () => {
  it("formats ticks and cents without floating point", () => {
    expect(formatTicks(12345)).toBe("123.45");
    expect(formatTicks(5)).toBe("0.05");
    expect(formatTicks(-5)).toBe("-0.05");
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(-5)).toBe("-$0.05");
    expect(formatPnl(1200)).toBe("+$12.00");
    expect(formatPnl(-350)).toBe("-$3.50");
    expect(formatPnl(0)).toBe("$0.00");
  });

  it("parses typed prices exactly and refuses the rest", () => {
    expect(parsePriceToTicks("12")).toBe(1200);
    expect(parsePriceToTicks("12.3")).toBe(1230);
    expect(parsePriceToTicks("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(parsePriceToTicks(".5")).toBe(50);
    expect(parsePriceToTicks(" 4.10 ")).toBe(410);
    for (const bad of ["", ".", "1.234", "-1", "1e3", "abc", "1,5"])
      expect(parsePriceToTicks(bad)).toBeNull();
  });

  it("parses quantities as whole positive numbers", () => {
    expect(parseQuantity("10")).toBe(10);
    for (const bad of ["0", "1.5", "-3", "", "x", "1234567"]) expect(parseQuantity(bad)).toBeNull();
  });
});
