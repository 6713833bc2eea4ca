import { type FeeSchedule, feeFor, type LedgerRole, type Liquidity } from "./fees";

/** Contract multiplier: one option contract is on 100 units of the underlying. */
export const MULTIPLIER = 100;

type Holding = {
  /** Signed contracts, long > 0. */
  position: number;
  /** Total open cost in ticks × contracts (always ≥ 0): what was paid for a long, received for a short. */
  openCost: number;
  /** P&L realised on this instrument so far, in cents (fees excluded). */
  realisedCents: number;
};

type Account = {
  role: LedgerRole;
  cashCents: number;
  realisedCents: number;
  feesCents: number;
  holdings: Record<string, Holding>;
};

export type LedgerState = { accounts: Record<string, Account> };

export type AccountView = {
  cashCents: number;
  realisedCents: number;
  unrealisedCents: number;
  feesCents: number;
  totalCents: number;
  positions: {
    instrument: string;
    position: number;
    openCost: number;
    realisedCents: number;
    /** Null when the instrument has no mark. */
    unrealisedCents: number | null;
  }[];
};

/**
 * Cash, positions, fees and P&L of every account; the only thing that changes them. Integer cents throughout:
 * prices are ticks (cents of premium), so a fill of q at P moves P × q × 100 cents. Average cost is kept as the exact
 * integer open cost; closing part of a position takes its share of the open cost rounded to the nearest tick, the
 * remainder staying with the rest, so cash + Σ position × mark × 100 = realised + unrealised + fees exactly.
 */
export class Ledger {
  #state: LedgerState;

  constructor(
    private readonly fees: FeeSchedule,
    state: LedgerState = { accounts: {} },
  ) {
    this.#state = structuredClone(state);
  }

  /**
   * Opens an account, or changes the role of one that has never traded (an instructor re-assigning roles before
   * the start). A traded account keeps its role: fees and limits already applied to it.
   */
  open(accountId: string, role: LedgerRole) {
    const account = this.#state.accounts[accountId];
    if (!account) {
      this.#state.accounts[accountId] = { role, cashCents: 0, realisedCents: 0, feesCents: 0, holdings: {} };
    } else if (
      account.cashCents === 0 &&
      account.feesCents === 0 &&
      Object.keys(account.holdings).length === 0
    ) {
      account.role = role;
    }
  }

  /** Books one side of a fill; returns the fee and the P&L it realised, in cents. */
  applyFill(fill: {
    accountId: string;
    instrument: string;
    side: "buy" | "sell";
    price: number;
    quantity: number;
    liquidity: Liquidity;
  }): { feeCents: number; realisedCents: number; position: number } {
    const account = this.#account(fill.accountId);
    const signed = fill.side === "buy" ? fill.quantity : -fill.quantity;
    const feeCents = feeFor(this.fees, account.role, fill.liquidity, fill.quantity);
    account.cashCents += -signed * fill.price * MULTIPLIER + feeCents;
    account.feesCents += feeCents;

    const holding = account.holdings[fill.instrument] ?? { position: 0, openCost: 0, realisedCents: 0 };
    account.holdings[fill.instrument] = holding;
    let realisedCents = 0;
    let opening = fill.quantity;
    if (holding.position !== 0 && Math.sign(holding.position) !== Math.sign(signed)) {
      const held = Math.abs(holding.position);
      const closing = Math.min(fill.quantity, held);
      const closingCost =
        closing === held ? holding.openCost : Math.round((holding.openCost * closing) / held);
      const direction = Math.sign(holding.position);
      realisedCents = (fill.price * closing - closingCost) * direction * MULTIPLIER;
      holding.openCost -= closingCost;
      holding.position += signed > 0 ? closing : -closing;
      opening = fill.quantity - closing;
    }
    if (opening > 0) {
      holding.position += signed > 0 ? opening : -opening;
      holding.openCost += fill.price * opening;
    }
    account.realisedCents += realisedCents;
    holding.realisedCents += realisedCents;
    return { feeCents, realisedCents, position: holding.position };
  }

  /** Cash-settles every position in an expiring instrument at its intrinsic value (ticks); no fee. */
  settle(
    instrument: string,
    intrinsicTicks: number,
  ): { accountId: string; position: number; cashCents: number }[] {
    const settled: { accountId: string; position: number; cashCents: number }[] = [];
    for (const [accountId, account] of Object.entries(this.#state.accounts)) {
      const holding = account.holdings[instrument];
      if (!holding || holding.position === 0) continue;
      const cashCents = holding.position * intrinsicTicks * MULTIPLIER;
      account.cashCents += cashCents;
      account.realisedCents += cashCents - Math.sign(holding.position) * holding.openCost * MULTIPLIER;
      settled.push({ accountId, position: holding.position, cashCents });
      delete account.holdings[instrument];
    }
    return settled;
  }

  has(accountId: string): boolean {
    return accountId in this.#state.accounts;
  }

  role(accountId: string): LedgerRole | null {
    return this.#state.accounts[accountId]?.role ?? null;
  }

  /** Instruments the account has traded (open or closed since). */
  instruments(accountId: string): string[] {
    return Object.keys(this.#state.accounts[accountId]?.holdings ?? {});
  }

  accounts(): string[] {
    return Object.keys(this.#state.accounts);
  }

  position(accountId: string, instrument: string): number {
    return this.#state.accounts[accountId]?.holdings[instrument]?.position ?? 0;
  }

  /** An account's P&L at the given marks (ticks per instrument; a position without a mark counts at its cost). */
  view(accountId: string, marks: Record<string, number>): AccountView {
    const account = this.#account(accountId);
    let unrealisedCents = 0;
    const positions = Object.entries(account.holdings).map(([instrument, h]) => {
      const mark = marks[instrument];
      const signedCost = Math.sign(h.position) * h.openCost;
      const unrealised = mark === undefined ? null : (mark * h.position - signedCost) * MULTIPLIER;
      unrealisedCents += unrealised ?? 0;
      return {
        instrument,
        position: h.position,
        openCost: h.openCost,
        realisedCents: h.realisedCents,
        unrealisedCents: unrealised,
      };
    });
    const totalCents = account.realisedCents + unrealisedCents + account.feesCents;
    return {
      cashCents: account.cashCents,
      realisedCents: account.realisedCents,
      unrealisedCents,
      feesCents: account.feesCents,
      totalCents,
      positions,
    };
  }

  /**
   * The account's P&L at marks given by `markOf` (a position without a mark counts at its cost), without building
   * the position list: what every fill's position update needs.
   */
  pnl(accountId: string, markOf: (instrument: string) => number | null): Omit<AccountView, "positions"> {
    const account = this.#account(accountId);
    let unrealisedCents = 0;
    for (const instrument of Object.keys(account.holdings)) {
      const h = account.holdings[instrument] as Holding;
      if (h.position === 0) continue;
      const mark = markOf(instrument);
      if (mark !== null)
        unrealisedCents += (mark * h.position - Math.sign(h.position) * h.openCost) * MULTIPLIER;
    }
    return {
      cashCents: account.cashCents,
      realisedCents: account.realisedCents,
      unrealisedCents,
      feesCents: account.feesCents,
      totalCents: account.realisedCents + unrealisedCents + account.feesCents,
    };
  }

  /** One holding as the position list shows it (flat when the account never traded it). */
  holding(accountId: string, instrument: string, mark: number | null): AccountView["positions"][number] {
    const h = this.#state.accounts[accountId]?.holdings[instrument] ?? {
      position: 0,
      openCost: 0,
      realisedCents: 0,
    };
    const unrealisedCents =
      mark === null ? null : (mark * h.position - Math.sign(h.position) * h.openCost) * MULTIPLIER;
    return {
      instrument,
      position: h.position,
      openCost: h.openCost,
      realisedCents: h.realisedCents,
      unrealisedCents,
    };
  }

  snapshot(): LedgerState {
    return structuredClone(this.#state);
  }

  #account(accountId: string): Account {
    const account = this.#state.accounts[accountId];
    if (!account) throw new Error(`ledger: unknown account ${accountId}`);
    return account;
  }
}
