/**
 * The game's calendar (DECISIONS.md "Clock"): sessions are trading days on Tuesdays and Thursdays from the
 * programme's first Tuesday; each runs pre-open 09:00–09:29:30, opening auction 09:29:30–09:30, continuous
 * 09:30–15:00, then closed. Times here are game-epoch ms (UTC dates carry the game's wall-clock times).
 */
export const PROGRAMME_START = "2024-02-13";
const MINUTE = 60_000;
export const PRE_OPEN_MS = 9 * 60 * MINUTE;
export const AUCTION_MS = PRE_OPEN_MS + 29.5 * MINUTE;
export const OPEN_MS = PRE_OPEN_MS + 30 * MINUTE;
export const CLOSE_MS = 15 * 60 * MINUTE;
/** Seconds of continuous trading per session (330 minutes: 66 five-minute ticks). */
export const SESSION_SECONDS = (CLOSE_MS - OPEN_MS) / 1_000;
const DAY = 86_400_000;

/** Midnight (game-epoch ms) of session `n` (1-based): Tuesday, Thursday, next Tuesday, … */
export function sessionDay(session: number, startIso = PROGRAMME_START): number {
  const [y, m, d] = startIso.split("-").map(Number) as [number, number, number];
  const start = Date.UTC(y, m - 1, d);
  const week = Math.floor((session - 1) / 2);
  return start + (week * 7 + ((session - 1) % 2) * 2) * DAY;
}

/** ISO date of a session's day. */
export function sessionDate(session: number, startIso = PROGRAMME_START): string {
  return new Date(sessionDay(session, startIso)).toISOString().slice(0, 10);
}

export type SessionPhase = "pre_open" | "opening_auction" | "continuous" | "closed";

/** The scheduled phase at a time of day (ms since the session's midnight). */
export function phaseAt(msOfDay: number): SessionPhase {
  if (msOfDay < PRE_OPEN_MS) return "closed";
  if (msOfDay < AUCTION_MS) return "pre_open";
  if (msOfDay < OPEN_MS) return "opening_auction";
  if (msOfDay < CLOSE_MS) return "continuous";
  return "closed";
}

/** When the phase after `phase` starts, as ms of the day (null after the close). */
export function nextBoundary(msOfDay: number): number | null {
  for (const boundary of [PRE_OPEN_MS, AUCTION_MS, OPEN_MS, CLOSE_MS])
    if (msOfDay < boundary) return boundary;
  return null;
}

/**
 * Seconds of continuous trading left until an option expires at the close of the session on `expiryIso`, seen
 * from game time `gameMs` in session `session` (time to expiry runs on session time, DECISIONS.md "Clock").
 */
export function secondsToExpiry(expiryIso: string, session: number, gameMs: number): number {
  const msOfDay = gameMs - sessionDay(session);
  const leftToday = (CLOSE_MS - Math.min(CLOSE_MS, Math.max(OPEN_MS, msOfDay))) / 1_000;
  for (let n = session; n < session + 60; n++) {
    if (sessionDate(n) === expiryIso) return leftToday + (n - session) * SESSION_SECONDS;
  }
  return 0;
}

/** The session whose trading day contains game time `gameMs` (the first one before the programme starts). */
export function sessionAt(gameMs: number, startIso = PROGRAMME_START): number {
  let session = 1;
  while (sessionDay(session + 1, startIso) <= gameMs && session < 10_000) session++;
  return session;
}
