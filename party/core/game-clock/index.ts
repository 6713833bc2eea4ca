export { type ClockEvent, type ClockState, GameClock, initialClock } from "./game-clock";
export {
  AUCTION_MS,
  CLOSE_MS,
  nextBoundary,
  OPEN_MS,
  PRE_OPEN_MS,
  PROGRAMME_START,
  phaseAt,
  SESSION_SECONDS,
  type SessionPhase,
  secondsToExpiry,
  sessionAt,
  sessionDate,
  sessionDay,
} from "./session-calendar";
