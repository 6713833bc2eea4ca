import type { KpiView } from "@/party/core/protocol";
import { formatPnl } from "./format";

/** A KPI's value as a person reads it: bp as %, cents as dollars, thousandths as a ratio. */
export function formatKpiValue(k: Pick<KpiView, "value" | "unit">): string {
  if (k.value === null) return "–";
  switch (k.unit) {
    case "bp":
      return `${(k.value / 100).toFixed(k.value % 100 === 0 ? 0 : 1)}%`;
    case "cents":
      return formatPnl(k.value);
    case "milli":
      return (k.value / 1000).toFixed(2);
    case "ms":
      return `${Math.round(k.value / 1000)} s`;
    case "count":
      return String(k.value);
  }
}

/** "Quote uptime 96% (100)": the KPI, its value and its points out of 100 (or "not yet" when unmeasured). */
export function formatKpi(k: KpiView): string {
  const points = k.points === null ? "not yet" : String(Math.round(k.points / 100));
  return `${k.label} ${formatKpiValue(k)} (${points})`;
}
