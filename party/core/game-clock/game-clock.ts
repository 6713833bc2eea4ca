import {
  CLOSE_MS,
  nextBoundary,
  OPEN_MS,
  PRE_OPEN_MS,
  phaseAt,
  type SessionPhase,
  sessionDay,
} from "./session-calendar";

/** The clock as plain JSON (journal replay and snapshots rebuild it exactly). */
export type ClockState = {
  /** Current session (1-based), or the one that just closed. */
  session: number;
  /** Game time now, game-epoch ms. */
  gameMs: number;
  /** Game ms per real ms. */
  speed: number;
  /** A session is in progress (started and not yet closed). */
  running: boolean;
  paused: boolean;
  ended: boolean;
  /** Real time (ms) the clock last advanced to. */
  lastRealMs: number | null;
  /** Whole seconds of this session's continuous trading already handed to the simulation. */
  simulatedSeconds: number;
};

/** What moving the clock caused, in order: phase changes and seconds of continuous trading to simulate. */
export type ClockEvent = { kind: "phase"; phase: SessionPhase } | { kind: "seconds"; count: number };

export function initialClock(speed = 12): ClockState {
  return {
    session: 1,
    gameMs: sessionDay(1),
    speed,
    running: false,
    paused: false,
    ended: false,
    lastRealMs: null,
    simulatedSeconds: 0,
  };
}

/**
 * The game clock (DECISIONS.md "Clock"): game time runs at `speed` × real time while a session is in progress and
 * not paused. Real time is an input (`realMs` of the command that moves it), so the same journal replays the same
 * clock; game time is derived from real-time differences, never accumulated from timer ticks, so it cannot drift.
 * A session stops at its close; the instructor starts the next one.
 */
export class GameClock {
  #s: ClockState;

  constructor(state: ClockState = initialClock()) {
    this.#s = { ...state };
  }

  /** Moves game time to `realMs`, crossing phase boundaries; stops at the close. */
  advance(realMs: number): ClockEvent[] {
    const s = this.#s;
    const last = s.lastRealMs ?? realMs;
    s.lastRealMs = Math.max(last, realMs);
    if (!s.running || s.paused) return [];
    return this.#moveTo(s.gameMs + Math.max(0, realMs - last) * s.speed);
  }

  /** Starts the next session at its pre-open (or the first one). */
  start(realMs: number): ClockEvent[] {
    const s = this.#s;
    if (s.ended || s.running) return [];
    const day = sessionDay(s.session);
    if (s.gameMs - day >= CLOSE_MS) s.session += 1;
    s.gameMs = sessionDay(s.session) + PRE_OPEN_MS;
    s.running = true;
    s.paused = false;
    s.simulatedSeconds = 0;
    s.lastRealMs = realMs;
    return [{ kind: "phase", phase: "pre_open" }];
  }

  /** The instructor's "advance phase": jump to the next boundary (simulating the continuous time skipped). */
  advancePhase(realMs: number): ClockEvent[] {
    const s = this.#s;
    if (!s.running) return this.start(realMs);
    const events = this.advance(realMs);
    if (!s.running) return events;
    const day = sessionDay(s.session);
    const boundary = nextBoundary(s.gameMs - day);
    if (boundary === null) return events;
    const wasPaused = s.paused;
    s.paused = false;
    events.push(...this.#moveTo(day + boundary));
    s.paused = wasPaused && s.running;
    return events;
  }

  pause(realMs: number): ClockEvent[] {
    const events = this.advance(realMs);
    if (this.#s.running) this.#s.paused = true;
    return events;
  }

  resume(realMs: number): ClockEvent[] {
    this.#s.paused = false;
    this.#s.lastRealMs = realMs;
    return [];
  }

  setSpeed(speed: number, realMs: number): ClockEvent[] {
    const events = this.advance(realMs);
    this.#s.speed = speed;
    return events;
  }

  end(realMs: number): ClockEvent[] {
    const events = this.advance(realMs);
    const s = this.#s;
    const wasRunning = s.running;
    s.running = false;
    s.paused = false;
    s.ended = true;
    return wasRunning ? [...events, { kind: "phase", phase: "closed" }] : events;
  }

  /** The scheduled phase now (the exchange may be `paused` on top of it). */
  get phase(): SessionPhase {
    const s = this.#s;
    if (!s.running) return "closed";
    return phaseAt(s.gameMs - sessionDay(s.session));
  }

  /** When the next phase starts (game-epoch ms), or null when the clock is stopped. */
  get nextPhaseAt(): number | null {
    const s = this.#s;
    if (!s.running) return null;
    const day = sessionDay(s.session);
    const boundary = nextBoundary(s.gameMs - day);
    return boundary === null ? null : day + boundary;
  }

  get state(): ClockState {
    return { ...this.#s };
  }

  #moveTo(target: number): ClockEvent[] {
    const s = this.#s;
    const events: ClockEvent[] = [];
    const day = sessionDay(s.session);
    while (s.running) {
      const boundary = nextBoundary(s.gameMs - day);
      const stop = boundary === null ? target : Math.min(target, day + boundary);
      if (phaseAt(s.gameMs - day) === "continuous") {
        const seconds = Math.floor((Math.min(stop, day + CLOSE_MS) - (day + OPEN_MS)) / 1_000);
        if (seconds > s.simulatedSeconds) {
          events.push({ kind: "seconds", count: seconds - s.simulatedSeconds });
          s.simulatedSeconds = seconds;
        }
      }
      s.gameMs = stop;
      if (boundary === null || stop < day + boundary) break;
      const phase = phaseAt(boundary);
      events.push({ kind: "phase", phase });
      if (phase === "closed") s.running = false;
    }
    return events;
  }
}
