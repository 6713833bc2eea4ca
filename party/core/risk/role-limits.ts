import type { LedgerRole } from "../ledger";

/** Per-role trading constraints (GAME.md §4.2, §5.4; DECISIONS.md). Every number is configurable per game. */
export type RoleLimits = {
  /** Prefix of the role's limit codes, e.g. `MM` → `MM_SIZE`, `MM_POS_LIMIT`. */
  codePrefix: string;
  orderTypes: readonly ("limit" | "market" | "quote")[];
  minSize: number;
  maxSize: number;
  /** Worst-case contracts per option. */
  perInstrument: number;
  /** Worst-case contracts over all options. */
  total: number;
  /** May not hold a bid and an ask on the same option at once (hedge fund). */
  oneSided: boolean;
};

export const DEFAULT_ROLE_LIMITS: Record<LedgerRole, RoleLimits> = {
  market_maker: {
    codePrefix: "MM",
    orderTypes: ["limit", "market", "quote"],
    minSize: 1,
    maxSize: 1_000,
    perInstrument: 50,
    total: 200,
    oneSided: false,
  },
  hedge_fund: {
    codePrefix: "HF",
    orderTypes: ["limit", "market"],
    minSize: 1,
    maxSize: 500,
    perInstrument: 150,
    total: 500,
    oneSided: true,
  },
  arbitrage_desk: {
    codePrefix: "ARB",
    orderTypes: ["limit", "market"],
    minSize: 1,
    maxSize: 500,
    perInstrument: 100,
    total: 300,
    oneSided: false,
  },
  retail: {
    codePrefix: "RETAIL",
    orderTypes: ["limit", "market"],
    minSize: 1,
    maxSize: 50,
    perInstrument: 50,
    total: 50,
    oneSided: false,
  },
};

/** Quote rules (GAME.md §5.1): 10–1000 per side, bid < ask, spread at most max(10% of mid, 5 ticks). */
export const QUOTE_RULES = {
  minSize: 10,
  maxSize: 1_000,
  maxSpreadBpOfMid: 1_000,
  minMaxSpreadTicks: 5,
} as const;
