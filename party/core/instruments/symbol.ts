/** Canonical instrument symbols (GAME.md §3.3): `SPX_4400_CALL_2024-02-15`; strikes in cents inside the engine. */
export type Underlying = "SPX" | "SPY";
export type OptionType = "call" | "put";

export type OptionSpec = {
  readonly underlying: Underlying;
  /** Strike in cents (ticks): 440000 is $4,400. */
  readonly strikeCents: number;
  readonly optionType: OptionType;
  /** ISO date (YYYY-MM-DD) of expiry. */
  readonly expiry: string;
};

const PATTERN = /^(SPX|SPY)_(\d{1,6}(?:\.\d{1,2})?)_(CALL|PUT)_(\d{4}-\d{2}-\d{2})$/;

/** The strike written without trailing zeros: 440000 → "4400", 43750 → "437.5", 43705 → "437.05". */
export function formatStrike(strikeCents: number): string {
  const whole = Math.floor(strikeCents / 100);
  const fraction = strikeCents % 100;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

export function formatSymbol(spec: OptionSpec): string {
  return `${spec.underlying}_${formatStrike(spec.strikeCents)}_${spec.optionType.toUpperCase()}_${spec.expiry}`;
}

/** Parses a canonical symbol; null for anything else (the caller turns that into INVALID_INSTRUMENT). */
export function parseSymbol(symbol: string): OptionSpec | null {
  const match = PATTERN.exec(symbol);
  if (!match) return null;
  const [, underlying, strike, type, expiry] = match as unknown as [
    string,
    Underlying,
    string,
    "CALL" | "PUT",
    string,
  ];
  const [whole, fraction = ""] = strike.split(".");
  if (fraction.endsWith("0") || (whole !== "0" && whole?.startsWith("0"))) return null; // not canonical
  const strikeCents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (strikeCents <= 0 || !isIsoDate(expiry)) return null;
  return { underlying, strikeCents, optionType: type === "CALL" ? "call" : "put", expiry };
}

function isIsoDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const days = new Date(Date.UTC(y, m - 1, d));
  return days.getUTCFullYear() === y && days.getUTCMonth() === m - 1 && days.getUTCDate() === d;
}
