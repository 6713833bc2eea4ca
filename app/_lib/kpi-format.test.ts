import { describe, expect, it } from "vitest";
import { formatKpi, formatKpiValue } from "./kpi-format";

describe("KPI formatting", () => {
  it("shows bp as percent, cents as dollars, thousandths as a ratio, and the points out of 100", () => {
    expect(formatKpiValue({ value: 9_600, unit: "bp" })).toBe("96%");
    expect(formatKpiValue({ value: 1_250, unit: "bp" })).toBe("12.5%");
    expect(formatKpiValue({ value: -1_234, unit: "cents" })).toBe("-$12.34");
    expect(formatKpiValue({ value: 2_500, unit: "milli" })).toBe("2.50");
    expect(formatKpiValue({ value: null, unit: "bp" })).toBe("–");
    expect(
      formatKpi({
        code: "QUOTE_UPTIME",
        label: "Quote uptime",
        value: 9_600,
        unit: "bp",
        band: "excellent",
        points: 10_000,
      }),
    ).toBe("Quote uptime 96% (100)");
    expect(
      formatKpi({ code: "SHARPE", label: "Sharpe", value: null, unit: "milli", band: null, points: null }),
    ).toBe("Sharpe – (not yet)");
  });
});
