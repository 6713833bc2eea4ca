import { mergeLevels } from "@/party/core/market-data";
import type {
  ClockView,
  ComplianceCheckView,
  GameConfig,
  InstrumentInfo,
  KpiView,
  LeaderboardRow,
  Level,
  OpenOrder,
  PnlView,
  PositionView,
  ServerMessage,
  TeamOverview,
  TradePrint,
} from "@/party/core/protocol";

export type Book = { bids: Level[]; asks: Level[] };
export type Trade = TradePrint;
export type FillRow = Extract<ServerMessage, { type: "fill" }>;
export type CommandOutcome =
  | { status: "accepted"; orderIds: string[] }
  | { status: "rejected"; code: string; message: string };

/**
 * Everything the trading screen shows, rebuilt from room messages by `applyMessage` (pure, so it is tested
 * without a browser). Books are sorted: bids high → low, asks low → high.
 */
/** The team's own compliance checks and live score with its KPIs (GAME.md §11–12). */
export type OwnCompliance = {
  checks: ComplianceCheckView[];
  penaltyBp: number;
  scoreBp: number | null;
  kpis: KpiView[];
};

export type MarketState = {
  instruments: InstrumentInfo[];
  books: Record<string, Book>;
  lastPrice: Record<string, number>;
  trades: Trade[];
  clock: ClockView | null;
  underlying: { spxTicks: number; spyTicks: number; at: number }[];
  news: { id: string; headline: string; at: number }[];
  signals: Extract<ServerMessage, { type: "signal" }>[];
  orders: Record<string, OpenOrder>;
  fills: FillRow[];
  positions: Record<string, PositionView>;
  pnl: PnlView | null;
  outcomes: Record<string, CommandOutcome>;
  auction: Record<string, { price: number | null; volume: number }>;
  leaderboard: LeaderboardRow[];
  /** Instructors only: every team live. */
  teams: TeamOverview[];
  /** The team's own compliance checks (GAME.md §11). */
  compliance: OwnCompliance | null;
  /** The game's settings and whether they can still change. */
  settings: { config: GameConfig; locked: boolean } | null;
};

export const EMPTY_MARKET: MarketState = {
  instruments: [],
  books: {},
  lastPrice: {},
  trades: [],
  clock: null,
  underlying: [],
  news: [],
  signals: [],
  orders: {},
  fills: [],
  positions: {},
  pnl: null,
  outcomes: {},
  auction: {},
  leaderboard: [],
  teams: [],
  compliance: null,
  settings: null,
};

const KEEP_TRADES = 200;
const KEEP_FILLS = 500;
const KEEP_UNDERLYING = 2_000;

export function applyMessage(state: MarketState, m: ServerMessage): MarketState {
  switch (m.type) {
    case "snapshot":
      return {
        ...EMPTY_MARKET,
        outcomes: state.outcomes,
        fills: state.fills,
        leaderboard: state.leaderboard,
        teams: state.teams,
        compliance: state.compliance,
        settings: state.settings,
        instruments: m.instruments,
        books: Object.fromEntries(m.books.map((b) => [b.instrument, { bids: b.bids, asks: b.asks }])),
        lastPrice: Object.fromEntries(m.trades.map((t) => [t.instrument, t.price])),
        trades: m.trades.slice(-KEEP_TRADES),
        clock: m.clock,
        underlying: m.underlying ? [m.underlying] : [],
        news: m.news,
        orders: Object.fromEntries(m.orders.map((o) => [o.orderId, o])),
        positions: Object.fromEntries(m.positions.map((p) => [p.instrument, p])),
        pnl: m.pnl,
      };
    case "book_snapshot":
      return { ...state, books: { ...state.books, [m.instrument]: { bids: m.bids, asks: m.asks } } };
    case "book_delta": {
      const book = state.books[m.instrument] ?? { bids: [], asks: [] };
      const next = {
        bids: mergeLevels(book.bids, m.bids, "desc"),
        asks: mergeLevels(book.asks, m.asks, "asc"),
      };
      return { ...state, books: { ...state.books, [m.instrument]: next } };
    }
    case "trade":
      // A print can arrive in a connect snapshot and again in the next market-data batch: keep it once.
      if (state.trades.some((t) => t.tradeId === m.tradeId)) return state;
      return {
        ...state,
        trades: [...state.trades, m].slice(-KEEP_TRADES),
        lastPrice: { ...state.lastPrice, [m.instrument]: m.price },
      };
    case "clock":
      return { ...state, clock: m.clock };
    case "underlying":
      return { ...state, underlying: [...state.underlying, m].slice(-KEEP_UNDERLYING) };
    case "news":
      return { ...state, news: [...state.news, m] };
    case "signal":
      return { ...state, signals: [...state.signals, m].slice(-100) };
    case "order_resting":
      return { ...state, orders: { ...state.orders, [m.order.orderId]: m.order } };
    case "fill": {
      const order = state.orders[m.orderId];
      const orders = { ...state.orders };
      if (order && m.remaining > 0) orders[m.orderId] = { ...order, remaining: m.remaining };
      else delete orders[m.orderId];
      return { ...state, orders, fills: [...state.fills, m].slice(-KEEP_FILLS) };
    }
    case "order_cancelled": {
      const orders = { ...state.orders };
      delete orders[m.orderId];
      return { ...state, orders };
    }
    case "position":
      return { ...state, positions: { ...state.positions, [m.position.instrument]: m.position }, pnl: m.pnl };
    case "account":
      return {
        ...state,
        positions: Object.fromEntries(m.positions.map((p) => [p.instrument, p])),
        pnl: m.pnl,
      };
    case "command_result":
      if (m.cid === null) return state;
      return {
        ...state,
        outcomes: {
          ...state.outcomes,
          [m.cid]:
            m.status === "accepted"
              ? { status: "accepted", orderIds: m.orderIds }
              : { status: "rejected", code: m.code, message: m.message },
        },
      };
    case "leaderboard":
      return { ...state, leaderboard: m.rows };
    case "teams":
      return { ...state, teams: m.rows };
    case "settings":
      return { ...state, settings: { config: m.config, locked: m.locked } };
    case "compliance":
      return {
        ...state,
        compliance: {
          checks: m.checks,
          penaltyBp: m.penaltyBp,
          scoreBp: m.scoreBp ?? null,
          kpis: m.kpis ?? [],
        },
      };
    case "auction_indicative":
      return {
        ...state,
        auction: { ...state.auction, [m.instrument]: { price: m.price, volume: m.volume } },
      };
    default:
      return state;
  }
}

export { mergeLevels };
