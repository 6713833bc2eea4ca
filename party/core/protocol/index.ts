export {
  AdminCommand,
  Batch,
  CancelAll,
  CancelOrder,
  CancelQuote,
  MAX_BATCH,
  PlaceOrder,
  Quote,
  TradingCommand,
} from "./client-commands";
export { DEFAULT_GAME_CONFIG, GameConfig } from "./game-config";
export { GameRecord, MAX_RECORDS_PER_BATCH, RecordBatch } from "./game-records";
export { ClientMessage, MAX_FRAME_CHARS, PROTOCOL_VERSION, type RejectionCode, Subscribe } from "./messages";
export { parseClientMessage } from "./parse-client-message";
export type { Result } from "./result";
export { RoomSetup, Seed, TeamRole } from "./room-setup";
export type {
  CancelReason,
  ClockView,
  ComplianceCheckView,
  InstrumentInfo,
  KpiView,
  LeaderboardRow,
  Level,
  Liquidity,
  OpenOrder,
  OrderSource,
  Phase,
  PnlView,
  PositionView,
  ServerFrame,
  ServerMessage,
  Side,
  TeamOverview,
  TradePrint,
} from "./server-messages";
