/**
 * Room → client messages: facts, grouped into frames. Every frame a connection receives is
 * `{ seq, msgs }` where `seq` counts frames per client session (1, 2, 3, …) so a client notices gaps and can
 * resume; all messages one command causes for one recipient travel in one frame.
 * Prices are integer ticks ($0.01), quantities integer contracts, money integer cents; times are game-epoch ms.
 */

import type { GameConfig } from "./game-config";

export type Side = "buy" | "sell";
export type Liquidity = "maker" | "taker" | "auction";
export type CancelReason =
  | "user_requested"
  | "no_liquidity"
  | "self_trade"
  | "session_end"
  | "replaced"
  | "expired";
export type Phase = "closed" | "pre_open" | "opening_auction" | "continuous" | "paused";
export type OrderSource = "manual" | "bot" | "api" | "sim";

/** A level of an L2 book: price and total quantity. */
export type Level = readonly [price: number, quantity: number];

export type InstrumentInfo = {
  symbol: string;
  underlying: "SPX" | "SPY";
  strike: number;
  optionType: "call" | "put";
  /** ISO date of expiry. */
  expiry: string;
};

/** A public trade on the tape. */
export type TradePrint = {
  tradeId: string;
  instrument: string;
  price: number;
  quantity: number;
  /** The side that took liquidity; null for auction prints. */
  aggressor: Side | null;
  at: number;
};

export type OpenOrder = {
  orderId: string;
  cid: string | null;
  instrument: string;
  side: Side;
  price: number;
  quantity: number;
  remaining: number;
  source: OrderSource;
  at: number;
};

export type PositionView = {
  instrument: string;
  position: number;
  /** Average open price in ticks (0 when flat). */
  averagePrice: number;
  realisedCents: number;
  unrealisedCents: number;
  markTicks: number | null;
};

export type PnlView = {
  cashCents: number;
  realisedCents: number;
  unrealisedCents: number;
  feesCents: number;
  totalCents: number;
};

export type ClockView = {
  phase: Phase;
  /** Game time now, game-epoch ms. */
  gameTime: number;
  speed: number;
  paused: boolean;
  session: number;
  /** When the next phase starts, game-epoch ms, or null. */
  nextPhaseAt: number | null;
};

export type RejectCode = string;

export type LeaderboardRow = {
  teamId: string;
  name: string;
  role: string;
  pnlCents: number;
  scoreBp: number | null;
};

export type ComplianceCheckView = {
  code: string;
  label: string;
  ok: boolean;
  value: string;
  threshold: string;
  message: string;
};

/** One role KPI of a team's live score (GAME.md §12.3): its value (in `unit`), band and points (bp; null if unmeasured). */
export type KpiView = {
  code: string;
  label: string;
  value: number | null;
  unit: "cents" | "bp" | "milli" | "ms" | "count";
  band: "excellent" | "good" | "acceptable" | "poor" | null;
  points: number | null;
};

export type TeamOverview = {
  teamId: string;
  name: string;
  role: string;
  pnl: PnlView;
  positions: PositionView[];
  openOrders: number;
  /** Worst-case exposure used and the role's total limit (contracts). */
  exposure: number;
  exposureLimit: number;
  compliance: ComplianceCheckView[];
  scoreBp: number | null;
  /** The KPIs behind the score. */
  kpis: KpiView[];
};

export type ServerMessage =
  | {
      type: "welcome";
      protocol: number;
      gameId: string;
      you: { userId: string; name: string; teamId: string | null; role: "instructor" | "player" | "viewer" };
      connected: number;
    }
  | { type: "presence"; connected: number }
  | { type: "pong"; cid: string; serverTime: number; pings: number }
  /** The answer to one command: accepted (with the exchange order ids it created) or rejected. */
  | { type: "command_result"; cid: string; status: "accepted"; orderIds: string[] }
  | { type: "command_result"; cid: string | null; status: "rejected"; code: RejectCode; message: string }
  | { type: "order_resting"; order: OpenOrder }
  | {
      type: "fill";
      tradeId: string;
      orderId: string;
      cid: string | null;
      instrument: string;
      side: Side;
      price: number;
      quantity: number;
      remaining: number;
      feeCents: number;
      liquidity: Liquidity;
      /** What sent the order: the team's screen, its bot, the API, or the simulation (retail). */
      source: OrderSource;
      at: number;
    }
  | {
      type: "order_cancelled";
      orderId: string;
      cid: string | null;
      instrument: string;
      side: Side;
      price: number;
      source: OrderSource;
      remaining: number;
      reason: CancelReason;
    }
  | { type: "position"; position: PositionView; pnl: PnlView }
  /** Periodic refresh of the team's whole account at current marks (unrealised P&L moves with the market). */
  | { type: "account"; positions: PositionView[]; pnl: PnlView }
  | { type: "book_snapshot"; instrument: string; bids: Level[]; asks: Level[] }
  /** Changed levels only; quantity 0 removes the level. */
  | { type: "book_delta"; instrument: string; bids: Level[]; asks: Level[] }
  | ({ type: "trade" } & TradePrint)
  | { type: "auction_indicative"; instrument: string; price: number | null; volume: number }
  | { type: "clock"; clock: ClockView }
  | { type: "underlying"; spxTicks: number; spyTicks: number; at: number }
  | { type: "news"; id: string; headline: string; at: number }
  /** The game's settings (public), and whether they can still change (before the start). */
  | { type: "settings"; config: GameConfig; locked: boolean }
  /** Private: the team's compliance checks (GAME.md §11), refreshed every few seconds. */
  | {
      type: "compliance";
      checks: ComplianceCheckView[];
      penaltyBp: number;
      /** The team's live score and the role KPIs behind it (GAME.md §12). */
      scoreBp?: number | null;
      kpis?: KpiView[];
    }
  /** Instructors only: every team's account at current marks, limits used and activity. */
  | { type: "teams"; rows: TeamOverview[] }
  /** Live standings, public: P&L and composite score per team. */
  | { type: "leaderboard"; rows: LeaderboardRow[] }
  | {
      type: "signal";
      kind: "volatility_forecast" | "tracking_error";
      payload: Record<string, unknown>;
      at: number;
    }
  /** Everything a client needs to (re)build its screen after connecting or when a resume is impossible. */
  | {
      type: "snapshot";
      instruments: InstrumentInfo[];
      books: { instrument: string; bids: Level[]; asks: Level[] }[];
      trades: TradePrint[];
      clock: ClockView;
      underlying: { spxTicks: number; spyTicks: number; at: number } | null;
      news: { id: string; headline: string; at: number }[];
      orders: OpenOrder[];
      positions: PositionView[];
      pnl: PnlView | null;
    }
  | { type: "rejected"; cid: string | null; code: "BAD_MESSAGE" | "FRAME_TOO_LARGE"; message: string };

/** One frame on the wire. */
export type ServerFrame = { seq: number; msgs: ServerMessage[] };
