import type { GameRecord } from "../core/protocol";
import { MAX_RECORDS_PER_BATCH } from "../core/protocol";
import type { LogStorage } from "./durable-log";
import { RecordStore } from "./record-shipper-store";

/** Sends one batch; resolves with the highest seq the server has stored (it stores each seq once). */
export type ShipBatch = (records: GameRecord[]) => Promise<{ throughSeq: number }>;

/** The server understood the request and refused the batch itself (HTTP 400): retrying it as is cannot help. */
export class BatchRefused extends Error {}

export type ShipperStats = {
  /** Records taken and not yet acknowledged by the server (in storage or about to be written). */
  pending: number;
  /** Every record up to this seq is stored on the server (or was refused by it, counted in `dropped`). */
  shippedThrough: number;
  lastError: string | null;
  /** Records never shipped: over the backlog cap, or refused one by one by the server. */
  dropped: number;
};

export type ShipperOptions = {
  /** How often pending records are written to storage and a batch is sent. */
  intervalMs: number;
  /** Pending records that trigger a send before the interval is up. */
  batchAt: number;
  /** Backlog cap. Beyond 80% of it new marks are dropped (they are re-sampled every tick); beyond it, anything. */
  maxPending: number;
  /** Retries back off exponentially from `intervalMs` up to this. */
  maxBackoffMs: number;
};

const DEFAULTS: ShipperOptions = {
  intervalMs: 500,
  batchAt: 500,
  maxPending: 100_000,
  maxBackoffMs: 30_000,
};
/**
 * A game room's records on their way to the app (issue 8): a durable outbox in room storage, never awaited by
 * trading. `add` takes a command's records in seq order; they are written to storage (record-shipper-store.ts)
 * every interval, and only stored records are sent, in batches of ≤ MAX_RECORDS_PER_BATCH with at most one request
 * in flight. The server's acknowledgement (`throughSeq`, kept at `r:acked`) deletes them. Failures back off; a
 * batch the server refuses is halved until the bad record is alone, which is then dropped and counted.
 *
 * Restart-safe: records carry a deterministic seq and the journal replay regenerates the records of its tail, so
 * whatever was not yet in storage comes back, and `add` skips seqs it already holds; the server stores each seq
 * once, so a batch re-sent after a lost answer changes nothing. The room must add a command's records only once
 * the command is journalled (the records of a command that never happened must not reach storage).
 */
export class RecordShipper {
  readonly #options: ShipperOptions;
  readonly #store: RecordStore;
  #unsaved: GameRecord[] = [];
  #pending = 0;
  #newest = 0;
  #shippedThrough = 0;
  #dropped = 0;
  #lastError: string | null = null;
  #failures = 0;
  #retryAt = 0;
  #batchLimit = MAX_RECORDS_PER_BATCH;
  #current: Promise<boolean> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #timerDue = 0;
  #stopped = false;

  constructor(
    storage: LogStorage,
    private readonly ship: ShipBatch | null,
    options: Partial<ShipperOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.#options = { ...DEFAULTS, ...options };
    this.#store = new RecordStore(storage);
  }

  /** Loads what a previous run stored and the server had not acknowledged, and starts shipping it. */
  async start(): Promise<void> {
    if (!this.ship) return;
    const stored = await this.#store.load();
    this.#shippedThrough = stored.acked;
    this.#pending = stored.pending;
    this.#newest = stored.newest;
    this.#schedule(this.#options.intervalMs);
  }

  /** Takes the records one journalled command produced (a no-op when shipping is off). Never blocks. */
  add(records: readonly GameRecord[] | undefined) {
    if (!this.ship || !records || records.length === 0) return;
    const { maxPending } = this.#options;
    for (const r of records) {
      if (r.seq <= this.#newest) continue; // already held: the journal replay after a restart regenerated it
      this.#newest = r.seq;
      if (this.#pending >= maxPending || (r.kind === "mark" && this.#pending >= maxPending * 0.8)) {
        this.#dropped++;
        continue;
      }
      this.#unsaved.push(r);
      this.#pending++;
    }
    // A full batch goes at once, unless a send is under way or the last one failed (then the interval or backoff).
    const full = this.#pending >= this.#options.batchAt;
    const now = full && this.#current === null && this.now() >= this.#retryAt;
    this.#schedule(now ? 0 : this.#options.intervalMs);
  }

  /** Writes the records taken so far to storage (the room calls this before a snapshot lets the journal go). */
  persist(): Promise<void> {
    const write = this.#writing.then(() => this.#write());
    this.#writing = write.catch(() => undefined);
    return write;
  }

  stats(): ShipperStats {
    return {
      pending: this.#pending,
      shippedThrough: this.#shippedThrough,
      lastError: this.#lastError,
      dropped: this.#dropped,
    };
  }

  /** Ships everything pending now, ignoring backoff; resolves when the backlog is empty or a send failed. */
  async drain(): Promise<void> {
    while (this.#pending > 0) {
      if (this.#current) await this.#current;
      else if (!(await this.#shipOnce())) return;
    }
  }

  /** Stops shipping on its own (what is stored stays stored; `drain` still works). */
  stop() {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(delayMs: number) {
    if (!this.ship || this.#pending === 0 || this.#stopped) return;
    const due = this.now() + delayMs;
    if (this.#timer !== null) {
      if (this.#timerDue <= due) return;
      clearTimeout(this.#timer);
    }
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#tick();
    }, delayMs);
  }

  async #tick() {
    let shipped = false;
    try {
      if (this.#current) await this.#current;
      else if (this.now() < this.#retryAt) await this.persist();
      else shipped = await this.#shipOnce();
    } catch {
      // persist failed: the records stay unsaved and the next tick tries again (the journal still has them)
    }
    // After a successful send, a backlog of a full batch or more goes out at once (catching up after an outage).
    this.#schedule(shipped && this.#pending >= this.#options.batchAt ? 0 : this.#options.intervalMs);
  }

  /** One batch; true when the server took it (or refused it, which also moves on). */
  #shipOnce(): Promise<boolean> {
    if (this.#current) return this.#current;
    const run = this.#send().finally(() => {
      this.#current = null;
    });
    this.#current = run;
    return run;
  }

  async #send(): Promise<boolean> {
    const ship = this.ship;
    if (!ship) return false;
    try {
      await this.persist();
      const batch = await this.#store.read(this.#shippedThrough, this.#batchLimit);
      if (batch.length === 0) return false; // nothing stored to send
      let note: string | null = null;
      try {
        const { throughSeq } = await ship(batch);
        await this.#acknowledge(batch, throughSeq);
        this.#batchLimit = Math.min(MAX_RECORDS_PER_BATCH, this.#batchLimit * 2);
      } catch (error) {
        if (!(error instanceof BatchRefused)) throw error;
        note = await this.#refused(batch, error);
      }
      this.#lastError = note;
      this.#failures = 0;
      this.#retryAt = 0;
      return true;
    } catch (error) {
      this.#lastError = (error as Error).message;
      this.#failures++;
      const backoff = this.#options.intervalMs * 2 ** Math.min(this.#failures, 16);
      this.#retryAt = this.now() + Math.min(this.#options.maxBackoffMs, backoff);
      return false;
    }
  }

  /**
   * A refused batch is halved until the bad record is alone; that record is skipped and counted. Returns what
   * `/health` should show.
   */
  async #refused(batch: GameRecord[], error: BatchRefused): Promise<string> {
    const first = batch[0] as GameRecord;
    if (batch.length > 1) {
      this.#batchLimit = Math.ceil(batch.length / 2);
      return `batch of ${batch.length} refused, retrying in halves: ${error.message}`;
    }
    this.#dropped++;
    this.#batchLimit = MAX_RECORDS_PER_BATCH;
    await this.#acknowledge(batch, first.seq);
    return `record ${first.seq} (${first.kind}) refused and skipped: ${error.message}`;
  }

  async #write() {
    if (this.#unsaved.length === 0) return;
    const records = this.#unsaved;
    this.#unsaved = [];
    const failed = await this.#store.write(records);
    if (!failed) return;
    this.#unsaved = [...failed.unwritten, ...this.#unsaved];
    throw failed.error;
  }

  async #acknowledge(batch: readonly GameRecord[], throughSeq: number) {
    const last = (batch.at(-1) as GameRecord).seq;
    const acked = Math.max(this.#shippedThrough, Math.min(throughSeq, last));
    this.#pending -= batch.filter((r) => r.seq > this.#shippedThrough && r.seq <= acked).length;
    this.#shippedThrough = acked;
    await this.#store.acknowledge(acked);
  }
}
