/**
 * Per-session sequencing of server frames, with a bounded replay window.
 *
 * Every frame a room sends to one client session carries `seq` (1, 2, 3, …). A session is named by a client-chosen
 * session id that survives reconnects; when a client reconnects with the last `seq` it saw, the outbox replays the
 * frames after it if they are still in the window, or says the client needs a fresh snapshot.
 * Owns: the seq counters and the replay windows. Time is an input (`at`, ms) so it stays pure.
 */
export type SequencedFrame<T> = { readonly seq: number; readonly at: number; readonly body: T };

export type ResumeOutcome<T> =
  | { kind: "replay"; frames: readonly SequencedFrame<T>[] }
  | { kind: "snapshot"; reason: "unknown_session" | "too_far_behind" | "ahead_of_server" };

type Session<T> = { nextSeq: number; window: SequencedFrame<T>[]; lastActiveAt: number };

export type OutboxLimits = {
  /** Frames kept per session for replay. */
  windowFrames: number;
  /** Sessions idle longer than this are forgotten by `sweep`. */
  idleMs: number;
};

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { windowFrames: 2_000, idleMs: 5 * 60_000 };

export class Outbox<T> {
  readonly #sessions = new Map<string, Session<T>>();
  readonly #limits: OutboxLimits;

  constructor(limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS) {
    this.#limits = limits;
  }

  /** Stamps the next seq of `sessionId` on `body`, keeps it for replay and returns the frame to send. */
  push(sessionId: string, body: T, at: number): SequencedFrame<T> {
    const session = this.#session(sessionId, at);
    const frame = { seq: session.nextSeq, at, body };
    session.nextSeq += 1;
    session.window.push(frame);
    if (session.window.length > this.#limits.windowFrames) {
      session.window.splice(0, session.window.length - this.#limits.windowFrames);
    }
    session.lastActiveAt = at;
    return frame;
  }

  /** What a client that last saw `lastSeq` on `sessionId` must receive to be whole again. */
  resume(sessionId: string, lastSeq: number, at: number): ResumeOutcome<T> {
    const session = this.#sessions.get(sessionId);
    if (!session) return { kind: "snapshot", reason: "unknown_session" };
    session.lastActiveAt = at;
    if (lastSeq >= session.nextSeq) return { kind: "snapshot", reason: "ahead_of_server" };
    const oldest = session.window[0]?.seq ?? session.nextSeq;
    if (lastSeq + 1 < oldest) return { kind: "snapshot", reason: "too_far_behind" };
    return { kind: "replay", frames: session.window.filter((f) => f.seq > lastSeq) };
  }

  /** The seq the next frame of this session will carry (1 for a new session). */
  nextSeq(sessionId: string): number {
    return this.#sessions.get(sessionId)?.nextSeq ?? 1;
  }

  /** Forgets sessions idle for longer than the limit; returns how many were dropped. */
  sweep(at: number): number {
    let dropped = 0;
    for (const [id, session] of this.#sessions) {
      if (at - session.lastActiveAt > this.#limits.idleMs) {
        this.#sessions.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }

  #session(sessionId: string, at: number): Session<T> {
    let session = this.#sessions.get(sessionId);
    if (!session) {
      session = { nextSeq: 1, window: [], lastActiveAt: at };
      this.#sessions.set(sessionId, session);
    }
    return session;
  }
}
