import { formatStrike, parseSymbol } from "@/party/core/instruments";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A symbol as a trader reads it on a busy screen: `SPX_4310_CALL_2024-02-15` → `SPX 4310C 15 Feb`. The canonical
 * symbol stays what the API, exports and bots use (put it in a `title`); anything that does not parse is shown as is.
 */
export function instrumentLabel(symbol: string): string {
  const spec = parseSymbol(symbol);
  if (!spec) return symbol;
  const [, month, day] = spec.expiry.split("-").map(Number) as [number, number, number];
  const kind = spec.optionType === "call" ? "C" : "P";
  return `${spec.underlying} ${formatStrike(spec.strikeCents)}${kind} ${day} ${MONTHS[month - 1]}`;
}
