import type { FeeSchedule, LedgerRole, LedgerState } from "../ledger";
import type { Phase } from "../phases";
import type { OrderSource, ServerMessage, Side } from "../protocol";
import type { BucketConfig, BucketState, RoleLimits } from "../risk";

/**
 * The exchange's commands: plain, serialisable values with their time (`at`, game-epoch ms) as an input. Every
 * account-level command names the account (a team or a simulated retail account) that sends it; the room takes it
 * from the verified token, never from the message.
 */
export type ExchangeCommand =
  | { type: "open_account"; account: string; role: LedgerRole }
  | {
      type: "place";
      at: number;
      /** Real milliseconds for the rate limit, when `at` is game time (the room's traders); defaults to `at`. */
      rateAt?: number;
      account: string;
      cid: string | null;
      source: OrderSource;
      instrument: string;
      side: Side;
      orderType: "limit" | "market";
      price?: number;
      quantity: number;
      tif: "gtc" | "ioc";
    }
  | { type: "cancel"; at: number; account: string; cid: string | null; orderId: string }
  | { type: "cancel_all"; at: number; account: string; cid: string | null; instrument?: string }
  | {
      type: "quote";
      at: number;
      /** Real milliseconds for the rate limit, when `at` is game time (the room's traders); defaults to `at`. */
      rateAt?: number;
      account: string;
      cid: string | null;
      source: OrderSource;
      instrument: string;
      bid: { price: number; quantity: number };
      ask: { price: number; quantity: number };
    }
  | { type: "cancel_quote"; at: number; account: string; cid: string | null; instrument: string }
  /** The clock or the instructor moves the phase; the transition's actions (auction, cancels) run here. */
  | { type: "set_phase"; at: number; phase: Phase }
  /** Theoretical values (ticks) used for marks on thin books and as the auction's reference price. */
  | { type: "set_reference"; at: number; prices: Record<string, number> }
  /** Expiry: cash-settles every position in the instrument at its intrinsic value and delists it. */
  | { type: "settle"; at: number; instrument: string; intrinsicTicks: number };

export type AccountCommand = Extract<ExchangeCommand, { account: string; at: number }>;

/** Who receives a message: everyone in the game, or one account's connections. */
export type Audience = { kind: "public" } | { kind: "account"; account: string };
export type Routed = { to: Audience; msg: ServerMessage };

/**
 * What one command caused. `result` goes to the submitting connection only (correlated by cid); `events` to their
 * audiences in order. `dirty` lists instruments whose public book changed (the room coalesces depth updates).
 */
export type ExchangeEffects = {
  result: Extract<ServerMessage, { type: "command_result" }> | null;
  events: Routed[];
  dirty: string[];
};

export type ExchangeConfig = {
  /** Listed instruments (canonical symbols). */
  instruments: readonly string[];
  fees: FeeSchedule;
  limits: Record<LedgerRole, RoleLimits>;
  rate: BucketConfig;
  /** Accepted limit prices in ticks. */
  priceBand: { min: number; max: number };
  /** A mark uses the mid when the spread is at most this many bp of mid (DECISIONS.md: 10%). */
  markMaxSpreadBp: number;
};

/** One open order as the exchange knows it (resting in a book, or held for the auction in pre-open). */
export type OrderRecord = {
  orderId: string;
  account: string;
  cid: string | null;
  instrument: string;
  side: Side;
  price: number;
  quantity: number;
  remaining: number;
  source: OrderSource;
  at: number;
  /** Arrival number: time priority in the auction and on restore. */
  arrival: number;
  held: boolean;
  quote: boolean;
};

/** The whole exchange as plain JSON: `restore(snapshot())` gives the identical state hash. */
export type ExchangeState = {
  phase: Phase;
  nextOrder: number;
  nextTrade: number;
  listed: string[];
  /** Open orders by id; the books are rebuilt from them (resting ones, by price then arrival). */
  orders: Record<string, OrderRecord>;
  ledger: LedgerState;
  buckets: Record<string, BucketState>;
  references: Record<string, number>;
  lastTrade: Record<string, number>;
};
