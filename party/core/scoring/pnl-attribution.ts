import { compareIds } from "./scoring-math";

const MULTIPLIER = 100;

/** One fill of the team. Prices ticks; `feeCents` signed (+ rebate, − fee) as booked. */
export type AttributionFill = {
  instrument: string;
  side: "buy" | "sell";
  price: number;
  quantity: number;
  feeCents: number;
  /** The instrument's reference value at the fill (mid, else theo), ticks: what the fill's edge is measured on. */
  refTicks: number;
};

export type AttributionInput = {
  fills: readonly AttributionFill[];
  /** The last mark of each instrument (ticks): at the end, or just before its settlement. */
  marks: Readonly<Record<string, number>>;
  /** Settlement prices (ticks, the intrinsic value) of instruments that expired while held. */
  settlements?: Readonly<Record<string, number>>;
  /** A period that starts with positions: those positions and their marks then. */
  start?: { positions: Readonly<Record<string, number>>; marks: Readonly<Record<string, number>> };
};

export type Attribution = {
  spreadCents: number;
  inventoryCents: number;
  feesCents: number;
  settlementCents: number;
};

export type AttributionResult = Attribution & {
  /** Net P&L: cash + fees + value of the positions at their last mark or settlement − start value. */
  totalCents: number;
  byInstrument: (Attribution & { instrument: string; position: number; totalCents: number })[];
};

/**
 * Splits a team's P&L exactly into (integers, Σ parts = total):
 * - spread capture: each fill's edge against the reference at its time, (ref − price) × signed q × 100;
 * - inventory: the reference moving while the contracts were held, (last mark − ref at fill) × signed q × 100,
 *   and (last mark − start mark) × start position × 100;
 * - fees: Σ signed fees;
 * - settlement: (settlement price − last mark) × position held into expiry × 100.
 * An instrument without a mark is valued at the reference of its last fill.
 */
export function attributePnl(input: AttributionInput): AttributionResult {
  const start = input.start ?? { positions: {}, marks: {} };
  const symbols = new Set([...input.fills.map((f) => f.instrument), ...Object.keys(start.positions)]);
  const lastRef = new Map<string, number>();
  const fillsOf = new Map<string, AttributionFill[]>();
  for (const f of input.fills) {
    lastRef.set(f.instrument, f.refTicks);
    const list = fillsOf.get(f.instrument) ?? [];
    list.push(f);
    fillsOf.set(f.instrument, list);
  }
  const byInstrument: AttributionResult["byInstrument"] = [];
  for (const instrument of [...symbols].sort(compareIds)) {
    const q0 = start.positions[instrument] ?? 0;
    const mark0 = start.marks[instrument] ?? input.marks[instrument] ?? lastRef.get(instrument) ?? 0;
    const mark = input.marks[instrument] ?? lastRef.get(instrument) ?? mark0;
    const final = input.settlements?.[instrument] ?? mark;
    let position = q0;
    let cash = 0;
    const row = {
      instrument,
      position: 0,
      spreadCents: 0,
      inventoryCents: 0,
      feesCents: 0,
      settlementCents: 0,
    };
    row.inventoryCents += (mark - mark0) * q0 * MULTIPLIER;
    for (const f of fillsOf.get(instrument) ?? []) {
      const signed = f.side === "buy" ? f.quantity : -f.quantity;
      position += signed;
      cash += -signed * f.price * MULTIPLIER + f.feeCents;
      row.spreadCents += (f.refTicks - f.price) * signed * MULTIPLIER;
      row.inventoryCents += (mark - f.refTicks) * signed * MULTIPLIER;
      row.feesCents += f.feeCents;
    }
    row.settlementCents = (final - mark) * position * MULTIPLIER + 0; // + 0: never −0 in JSON-equal results
    row.position = input.settlements?.[instrument] === undefined ? position : 0;
    // The total from cash and values, independent of the split: the two must agree to the cent.
    const totalCents = cash + position * final * MULTIPLIER - q0 * mark0 * MULTIPLIER;
    const parts = row.spreadCents + row.inventoryCents + row.feesCents + row.settlementCents;
    if (parts !== totalCents)
      throw new Error(`attributePnl: ${instrument} parts ${parts} ≠ total ${totalCents}`);
    byInstrument.push({ ...row, totalCents });
  }
  const sum = (key: keyof Attribution | "totalCents") => byInstrument.reduce((s, r) => s + r[key], 0);
  return {
    totalCents: sum("totalCents"),
    spreadCents: sum("spreadCents"),
    inventoryCents: sum("inventoryCents"),
    feesCents: sum("feesCents"),
    settlementCents: sum("settlementCents"),
    byInstrument,
  };
}
