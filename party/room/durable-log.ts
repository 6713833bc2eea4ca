/**
 * The room's durable record: a journal of commands plus periodic snapshots, in Durable Object storage.
 *
 * - Journal entries are written a batch per key, `j:<first seq>` (zero-padded so keys sort), each value under the
 *   128 KiB limit: one storage write per group commit, however many commands it holds. A command is journalled
 *   before any of its effects are sent.
 * - A snapshot is JSON split into chunks under 128 KiB (the per-value limit), keyed `s:<seq>:<chunk>`, with a
 *   pointer `s:head` written last, so a crash mid-snapshot leaves the previous snapshot in force.
 * - After a snapshot the journal up to its seq and older snapshots are deleted.
 * Restore = newest snapshot + journal entries after it, in order.
 */
export interface LogStorage {
  get<T>(key: string): Promise<T | undefined>;
  put(entries: Record<string, unknown>, options?: { allowConcurrency?: boolean }): Promise<void>;
  delete(keys: string[]): Promise<number>;
  list<T>(options: { prefix: string; start?: string; limit?: number }): Promise<Map<string, T>>;
}

type SnapshotHead = { seq: number; chunks: number };

const MAX_KEYS_PER_PUT = 128;
const CHUNK_CHARS = 100_000;
const pad = (seq: number) => String(seq).padStart(12, "0");

export class DurableLog<Command> {
  readonly #storage: LogStorage;

  constructor(storage: LogStorage) {
    this.#storage = storage;
  }

  /** Writes journal entries (seq → command) in as few puts as storage allows; resolves when all are stored. */
  async append(entries: readonly { seq: number; command: Command }[]): Promise<void> {
    const values: Record<string, unknown> = {};
    let chunk: { seq: number; command: Command }[] = [];
    let size = 0;
    const close = () => {
      const first = chunk[0];
      if (first) values[`j:${pad(first.seq)}`] = chunk;
      chunk = [];
      size = 0;
    };
    for (const entry of entries) {
      const entrySize = JSON.stringify(entry.command).length + 32;
      if (size + entrySize > CHUNK_CHARS && chunk.length > 0) close();
      chunk.push(entry);
      size += entrySize;
    }
    close();
    const keys = Object.keys(values);
    for (let i = 0; i < keys.length; i += MAX_KEYS_PER_PUT) {
      // allowConcurrency: keep taking commands while the write is in flight, so they join the next group commit
      // (their frames still wait for their own write). Without it the input gate serialises one write per message.
      const slice = Object.fromEntries(keys.slice(i, i + MAX_KEYS_PER_PUT).map((k) => [k, values[k]]));
      await this.#storage.put(slice, { allowConcurrency: true });
    }
  }

  /** Stores `state` as of `seq`, then drops the journal up to `seq` and the previous snapshot. */
  async snapshot(seq: number, state: unknown): Promise<void> {
    const json = JSON.stringify(state);
    const chunks: Record<string, unknown> = {};
    const count = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
    for (let c = 0; c < count; c++)
      chunks[`s:${pad(seq)}:${c}`] = json.slice(c * CHUNK_CHARS, (c + 1) * CHUNK_CHARS);
    const keys = Object.keys(chunks);
    for (let i = 0; i < keys.length; i += MAX_KEYS_PER_PUT) {
      await this.#storage.put(
        Object.fromEntries(keys.slice(i, i + MAX_KEYS_PER_PUT).map((k) => [k, chunks[k]])),
      );
    }
    const previous = await this.#storage.get<SnapshotHead>("s:head");
    await this.#storage.put({ "s:head": { seq, chunks: count } satisfies SnapshotHead });
    await this.#deleteJournalThrough(seq);
    if (previous && previous.seq !== seq) {
      await this.#storage.delete(
        Array.from({ length: previous.chunks }, (_, c) => `s:${pad(previous.seq)}:${c}`),
      );
    }
  }

  /** The newest snapshot (if any) and every journalled command after it, in seq order. */
  async load<State>(): Promise<{
    snapshot: { seq: number; state: State } | null;
    tail: { seq: number; command: Command }[];
  }> {
    const head = await this.#storage.get<SnapshotHead>("s:head");
    let snapshot: { seq: number; state: State } | null = null;
    if (head) {
      const parts = await this.#storage.list<string>({ prefix: `s:${pad(head.seq)}:` });
      const json = Array.from(
        { length: head.chunks },
        (_, c) => parts.get(`s:${pad(head.seq)}:${c}`) ?? "",
      ).join("");
      snapshot = { seq: head.seq, state: JSON.parse(json) as State };
    }
    const after = head ? head.seq : 0;
    const tail: { seq: number; command: Command }[] = [];
    let start = "j:";
    for (;;) {
      const page = await this.#storage.list<{ seq: number; command: Command }[]>({
        prefix: "j:",
        start,
        limit: 500,
      });
      for (const chunk of page.values()) for (const entry of chunk) if (entry.seq > after) tail.push(entry);
      if (page.size < 500) break;
      start = `${[...page.keys()].at(-1)}\u0000`;
    }
    tail.sort((a, b) => a.seq - b.seq);
    return { snapshot, tail };
  }

  /** Deletes journal chunks whose every entry is at or before `seq` (a chunk straddling it stays). */
  async #deleteJournalThrough(seq: number): Promise<void> {
    for (;;) {
      const page = await this.#storage.list<{ seq: number }[]>({ prefix: "j:", limit: MAX_KEYS_PER_PUT });
      const keys = [...page.entries()].filter(([, chunk]) => (chunk.at(-1)?.seq ?? 0) <= seq).map(([k]) => k);
      if (keys.length === 0) return;
      await this.#storage.delete(keys);
      if (keys.length < page.size) return;
    }
  }
}
