import type { GameRecord } from "../core/protocol";
import { MAX_RECORDS_PER_BATCH } from "../core/protocol";
import type { LogStorage } from "./durable-log";

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
/** Durable Object storage: values under 128 KiB, at most 128 keys a call (as durable-log.ts). */
const CHUNK_CHARS = 100_000;
const MAX_KEYS_PER_CALL = 128;
const PREFIX = "r:0";
const ACKED = "r:acked";
const pad = (seq: number) => String(seq).padStart(12, "0");

type Chunk = { key: string; last: number };

/**
 * A game room's records on their way to the app (issue 8): a durable outbox in room storage, never awaited by
 * trading. `add` takes a command's records in seq order; they are written to storage in chunks (`r:<first seq>`)
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
  #unsaved: GameRecord[] = [];
  #chunks: Chunk[] = [];
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

  constructor(
    private readonly storage: LogStorage,
    private readonly ship: ShipBatch | null,
    options: Partial<ShipperOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Loads what a previous run stored and the server had not acknowledged, and starts shipping it. */
  async start(): Promise<void> {
    if (!this.ship) return;
    this.#shippedThrough = (await this.storage.get<number>(ACKED)) ?? 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.storage.list<GameRecord[]>({ prefix: PREFIX, start: after, limit: 16 });
      for (const [key, records] of page) {
        const last = records.at(-1)?.seq ?? 0;
        this.#chunks.push({ key, last });
        this.#pending += records.filter((r) => r.seq > this.#shippedThrough).length;
        after = `${key}\u0000`;
      }
      if (page.size < 16) break;
    }
    this.#newest = Math.max(this.#shippedThrough, this.#chunks.at(-1)?.last ?? 0);
    await this.#deleteAcknowledged();
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

  /** Stops the timer (what is stored stays stored). */
  stop() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(delayMs: number) {
    if (!this.ship || this.#pending === 0) return;
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
      const batch = await this.#readBatch(this.#batchLimit);
      if (batch.length === 0) {
        this.#pending = this.#unsaved.length; // everything stored is acknowledged
        return true;
      }
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
    const chunks: GameRecord[][] = [];
    let chunk: GameRecord[] = [];
    let size = 0;
    for (const r of records) {
      const length = JSON.stringify(r).length + 1;
      if (size + length > CHUNK_CHARS && chunk.length > 0) {
        chunks.push(chunk);
        chunk = [];
        size = 0;
      }
      chunk.push(r);
      size += length;
    }
    chunks.push(chunk);
    let written = 0;
    try {
      for (; written < chunks.length; written += MAX_KEYS_PER_CALL) {
        const slice = chunks.slice(written, written + MAX_KEYS_PER_CALL);
        const entries = Object.fromEntries(slice.map((c) => [`r:${pad((c[0] as GameRecord).seq)}`, c]));
        await this.storage.put(entries, { allowConcurrency: true });
        for (const c of slice)
          this.#chunks.push({
            key: `r:${pad((c[0] as GameRecord).seq)}`,
            last: (c.at(-1) as GameRecord).seq,
          });
      }
    } catch (error) {
      this.#unsaved = [...chunks.slice(written).flat(), ...this.#unsaved];
      throw error;
    }
  }

  /** The oldest stored records not yet acknowledged, at most `limit`. */
  async #readBatch(limit: number): Promise<GameRecord[]> {
    const batch: GameRecord[] = [];
    for (const { key } of this.#chunks) {
      const records = (await this.storage.get<GameRecord[]>(key)) ?? [];
      for (const r of records) {
        if (r.seq <= this.#shippedThrough) continue;
        batch.push(r);
        if (batch.length === limit) return batch;
      }
    }
    return batch;
  }

  async #acknowledge(batch: readonly GameRecord[], throughSeq: number) {
    const last = (batch.at(-1) as GameRecord).seq;
    const acked = Math.max(this.#shippedThrough, Math.min(throughSeq, last));
    this.#pending -= batch.filter((r) => r.seq > this.#shippedThrough && r.seq <= acked).length;
    this.#shippedThrough = acked;
    await this.storage.put({ [ACKED]: acked }, { allowConcurrency: true });
    await this.#deleteAcknowledged();
  }

  /** Deletes stored chunks whose every record is acknowledged. */
  async #deleteAcknowledged() {
    const done = this.#chunks.filter((c) => c.last <= this.#shippedThrough).map((c) => c.key);
    if (done.length === 0) return;
    this.#chunks = this.#chunks.filter((c) => c.last > this.#shippedThrough);
    for (let i = 0; i < done.length; i += MAX_KEYS_PER_CALL)
      await this.storage.delete(done.slice(i, i + MAX_KEYS_PER_CALL));
  }
}
