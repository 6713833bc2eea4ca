/**
 * Display helpers. Prices travel as integer ticks (1 tick = $0.01) and money as integer cents; decimals exist only
 * here, as strings. Input is parsed from text without floating point.
 */

/** 12345 → "123.45"; -5 → "-0.05". */
export function formatTicks(ticks: number): string {
  const sign = ticks < 0 ? "-" : "";
  const abs = Math.abs(ticks);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

// One formatter for every call: `toLocaleString` builds a new one each time (it was 14% of the trading floor's
// main-thread time under load; bench/README.md, floor).
const DOLLARS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Cents as dollars with thousands separators: 123456 → "$1,234.56"; -5 → "-$0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = DOLLARS.format(Math.floor(abs / 100));
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, "0")}`;
}

/** Signed cents for P&L columns: "+$12.00", "-$3.50", "$0.00". */
export function formatPnl(cents: number): string {
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

/**
 * Parses what a trader types as a price into ticks: "12", "12.3", "12.34", ".5". Anything else — more than two
 * decimals, signs, exponents, empty — is null, so the ticket can say the price is invalid.
 */
export function parsePriceToTicks(text: string): number | null {
  const match = /^(\d{0,7})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return null;
  const whole = Number(match[1] === "" ? "0" : match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * 100 + fraction;
}

/** Parses a whole number of contracts; null for anything else. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const quantity = Number(trimmed);
  return quantity > 0 ? quantity : null;
}
