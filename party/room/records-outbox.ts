import type { GameRecord } from "../core/protocol";
import { MAX_RECORDS_PER_BATCH } from "../core/protocol";
import type { LogStorage } from "./durable-log";

/** Sends one batch; resolves with the highest seq the server has stored (idempotent by seq). */
export type ShipBatch = (records: GameRecord[]) => Promise<{ throughSeq: number }>;

export type OutboxStats = {
  pending: number;
  shippedThrough: number;
  dropped: number;
  lastError: string | null;
};

const pad = (seq: number) => String(seq).padStart(12, "0");
const ACKED = "r:acked";

/**
 * The room's game records on their way to the server (GAME.md records, issue 8): kept in room storage until the
 * server acknowledges them, shipped in batches with at most one request in flight, retried with backoff, never
 * awaited by trading. Records carry their seq, and the server stores each seq once, so a retry, an overlap or a
 * restart (which replays the journal tail and regenerates the same records) never duplicates or loses one.
 * The backlog is bounded: beyond `maxPending`, the oldest mark records are dropped first (then anything oldest)
 * and counted in `dropped`.
 */
export class RecordsOutbox {
  #pending: GameRecord[] = [];
  #unsaved: GameRecord[] = [];
  #shippedThrough = 0;
  #dropped = 0;
  #lastError: string | null = null;
  #inFlight = false;
  #backoffMs = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly storage: LogStorage,
    private readonly ship: ShipBatch | null,
    private readonly options: { intervalMs: number; maxPending: number } = {
      intervalMs: 500,
      maxPending: 200_000,
    },
  ) {}

  /** Loads what a previous run stored and had not shipped. */
  async load(): Promise<void> {
    this.#shippedThrough = (await this.storage.get<number>(ACKED)) ?? 0;
    const chunks = await this.storage.list<GameRecord[]>({ prefix: "r:0" });
    const stored = [...chunks.values()].flat().filter((r) => r.seq > this.#shippedThrough);
    this.#pending = mergeBySeq(this.#pending, stored);
  }

  /** Takes the records one command produced (a no-op when shipping is off). */
  add(records: readonly GameRecord[] | undefined) {
    if (!this.ship || !records || records.length === 0) return;
    // Records arrive in seq order; after a restart the journal replay regenerates some already loaded from storage.
    const newest = this.#pending.at(-1)?.seq ?? this.#shippedThrough;
    const fresh = records.filter((r) => r.seq > Math.max(newest, this.#shippedThrough));
    this.#pending.push(...fresh);
    this.#unsaved.push(...fresh);
    this.#bound();
    this.#schedule();
  }

  /** Writes records not yet in storage (the room calls this before a snapshot drops journal entries). */
  async persist(): Promise<void> {
    if (this.#unsaved.length === 0) return;
    const chunk = this.#unsaved;
    this.#unsaved = [];
    const first = chunk[0] as GameRecord;
    await this.storage.put({ [`r:${pad(first.seq)}`]: chunk }, { allowConcurrency: true });
  }

  stats(): OutboxStats {
    return {
      pending: this.#pending.length,
      shippedThrough: this.#shippedThrough,
      dropped: this.#dropped,
      lastError: this.#lastError,
    };
  }

  /** Ships everything pending now (tests and shutdown); resolves when the backlog is empty or a send fails. */
  async drain(): Promise<void> {
    while (this.#pending.length > 0) {
      if (!(await this.#shipOnce())) return;
    }
  }

  #schedule() {
    if (this.#timer !== null || !this.ship) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#shipOnce()
        .catch(() => false)
        .finally(() => {
          if (this.#pending.length > 0) this.#schedule();
        });
    }, this.options.intervalMs + this.#backoffMs);
  }

  async #shipOnce(): Promise<boolean> {
    if (this.#inFlight || !this.ship) return false;
    this.#inFlight = true;
    try {
      await this.persist();
      const batch = this.#pending.slice(0, MAX_RECORDS_PER_BATCH);
      if (batch.length === 0) return true;
      const { throughSeq } = await this.ship(batch);
      const last = (batch.at(-1) as GameRecord).seq;
      const acked = Math.max(this.#shippedThrough, Math.min(throughSeq, last));
      this.#pending = this.#pending.filter((r) => r.seq > acked);
      this.#shippedThrough = acked;
      this.#lastError = null;
      this.#backoffMs = 0;
      await this.storage.put({ [ACKED]: acked }, { allowConcurrency: true });
      await this.#deleteShipped();
      return true;
    } catch (error) {
      this.#lastError = (error as Error).message;
      this.#backoffMs = Math.min(30_000, Math.max(500, this.#backoffMs * 2));
      return false;
    } finally {
      this.#inFlight = false;
    }
  }

  /** Deletes stored chunks whose every record is acknowledged. */
  async #deleteShipped() {
    const chunks = await this.storage.list<GameRecord[]>({ prefix: "r:0" });
    const done = [...chunks.entries()]
      .filter(([, records]) => (records.at(-1)?.seq ?? 0) <= this.#shippedThrough)
      .map(([key]) => key);
    if (done.length > 0) await this.storage.delete(done);
  }

  #bound() {
    const over = this.#pending.length - this.options.maxPending;
    if (over <= 0) return;
    // Marks are re-sampled every tick: losing old ones costs the least. Then the oldest of anything.
    let toDrop = over;
    const kept: GameRecord[] = [];
    for (const r of this.#pending) {
      if (toDrop > 0 && r.kind === "mark") toDrop--;
      else kept.push(r);
    }
    this.#pending = kept.slice(toDrop);
    this.#dropped += over;
  }
}

function mergeBySeq(a: readonly GameRecord[], b: readonly GameRecord[]): GameRecord[] {
  const bySeq = new Map<number, GameRecord>();
  for (const r of [...a, ...b]) bySeq.set(r.seq, r);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}
