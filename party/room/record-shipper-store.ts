import type { GameRecord } from "../core/protocol";
import type { LogStorage } from "./durable-log";

/** Durable Object storage: values under 128 KiB, at most 128 keys a call (as durable-log.ts). */
const CHUNK_CHARS = 100_000;
const MAX_KEYS_PER_CALL = 128;
const PREFIX = "r:0";
const ACKED = "r:acked";
const pad = (seq: number) => String(seq).padStart(12, "0");

type Chunk = { key: string; last: number };

/**
 * The record shipper's backlog in room storage: records in chunks keyed `r:<first seq>` (each value under the
 * 128 KiB limit), and `r:acked`, the highest seq the server acknowledged. Chunks whose every record is acknowledged
 * are deleted. Keeps only an index of chunks (key, last seq) in memory.
 */
export class RecordStore {
  #chunks: Chunk[] = [];

  constructor(private readonly storage: LogStorage) {}

  /** Reads what a previous run left: the acknowledged seq, the records after it and the newest seq stored. */
  async load(): Promise<{ acked: number; pending: number; newest: number }> {
    const acked = (await this.storage.get<number>(ACKED)) ?? 0;
    let pending = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.storage.list<GameRecord[]>({ prefix: PREFIX, start: after, limit: 16 });
      for (const [key, records] of page) {
        this.#chunks.push({ key, last: records.at(-1)?.seq ?? 0 });
        pending += records.filter((r) => r.seq > acked).length;
        after = `${key}\u0000`;
      }
      if (page.size < 16) break;
    }
    await this.#deleteThrough(acked);
    return { acked, pending, newest: Math.max(acked, this.#chunks.at(-1)?.last ?? 0) };
  }

  /** Stores records (in seq order); on a failed write, returns those not stored, to be written again. */
  async write(records: readonly GameRecord[]): Promise<{ unwritten: GameRecord[]; error: unknown } | null> {
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
    if (chunk.length > 0) chunks.push(chunk);
    for (let done = 0; done < chunks.length; done += MAX_KEYS_PER_CALL) {
      const slice = chunks.slice(done, done + MAX_KEYS_PER_CALL).map((c) => ({
        key: `r:${pad((c[0] as GameRecord).seq)}`,
        last: (c.at(-1) as GameRecord).seq,
        records: c,
      }));
      try {
        await this.storage.put(Object.fromEntries(slice.map((c) => [c.key, c.records])), {
          allowConcurrency: true,
        });
      } catch (error) {
        return { unwritten: chunks.slice(done).flat(), error };
      }
      for (const { key, last } of slice) this.#chunks.push({ key, last });
    }
    return null;
  }

  /** The oldest stored records after `acked`, at most `limit`. */
  async read(acked: number, limit: number): Promise<GameRecord[]> {
    const batch: GameRecord[] = [];
    for (const { key } of this.#chunks) {
      for (const r of (await this.storage.get<GameRecord[]>(key)) ?? []) {
        if (r.seq <= acked) continue;
        batch.push(r);
        if (batch.length === limit) return batch;
      }
    }
    return batch;
  }

  /** Records that the server holds everything through `seq`, and deletes the chunks that are done. */
  async acknowledge(seq: number): Promise<void> {
    await this.storage.put({ [ACKED]: seq }, { allowConcurrency: true });
    await this.#deleteThrough(seq);
  }

  async #deleteThrough(seq: number) {
    const done = this.#chunks.filter((c) => c.last <= seq).map((c) => c.key);
    if (done.length === 0) return;
    this.#chunks = this.#chunks.filter((c) => c.last > seq);
    for (let i = 0; i < done.length; i += MAX_KEYS_PER_CALL)
      await this.storage.delete(done.slice(i, i + MAX_KEYS_PER_CALL));
  }
}
