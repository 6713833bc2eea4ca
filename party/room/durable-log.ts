/**
 * The room's durable record: a journal of commands plus periodic snapshots, in Durable Object storage.
 *
 * - Journal entries are keyed `j:<seq>` (seq zero-padded so keys sort), written in batches (storage takes at most
 *   128 keys per put). A command is journalled before any of its effects are sent.
 * - A snapshot is JSON split into chunks under 128 KiB (the per-value limit), keyed `s:<seq>:<chunk>`, with a
 *   pointer `s:head` written last, so a crash mid-snapshot leaves the previous snapshot in force.
 * - After a snapshot the journal up to its seq and older snapshots are deleted.
 * Restore = newest snapshot + journal entries after it, in order.
 */
export interface LogStorage {
  get<T>(key: string): Promise<T | undefined>;
  put(entries: Record<string, unknown>): Promise<void>;
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
    for (let i = 0; i < entries.length; i += MAX_KEYS_PER_PUT) {
      const batch: Record<string, unknown> = {};
      for (const { seq, command } of entries.slice(i, i + MAX_KEYS_PER_PUT)) batch[`j:${pad(seq)}`] = command;
      await this.#storage.put(batch);
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
    const from = head ? head.seq + 1 : 0;
    const tail: { seq: number; command: Command }[] = [];
    let start = `j:${pad(from)}`;
    for (;;) {
      const page = await this.#storage.list<Command>({ prefix: "j:", start, limit: 1_000 });
      for (const [key, command] of page) tail.push({ seq: Number(key.slice(2)), command });
      if (page.size < 1_000) break;
      start = `j:${pad((tail.at(-1)?.seq ?? from) + 1)}`;
    }
    return { snapshot, tail };
  }

  async #deleteJournalThrough(seq: number): Promise<void> {
    for (;;) {
      const page = await this.#storage.list<unknown>({ prefix: "j:", limit: MAX_KEYS_PER_PUT });
      const keys = [...page.keys()].filter((k) => Number(k.slice(2)) <= seq);
      if (keys.length === 0) return;
      await this.#storage.delete(keys);
      if (keys.length < page.size) return;
    }
  }
}
