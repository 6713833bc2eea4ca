import type { DurableLog } from "./durable-log";

/**
 * Group commit: commands handled in the same turn are journalled in one storage write, and their frames are sent
 * only after that write succeeded. Flushes run one after another, so frames leave in command order.
 */
export class Committer<Command> {
  #entries: { seq: number; command: Command }[] = [];
  #sends: (() => void)[] = [];
  #chain: Promise<void> = Promise.resolve();
  #scheduled = false;

  constructor(
    private readonly log: DurableLog<Command>,
    private readonly afterFlush: (lastSeq: number) => Promise<void>,
  ) {}

  /** Queues a journal entry and the sends that must wait for it. */
  add(seq: number, command: Command, send: () => void) {
    this.#entries.push({ seq, command });
    this.#sends.push(send);
    this.#schedule();
  }

  /** Queues sends that need no journal entry (they still leave after earlier commands' frames). */
  addSendOnly(send: () => void) {
    this.#sends.push(send);
    this.#schedule();
  }

  /** Resolves when everything queued so far is stored and sent. */
  settled(): Promise<void> {
    return this.#chain;
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#chain = this.#chain.then(() => this.#flush());
  }

  async #flush() {
    this.#scheduled = false;
    const entries = this.#entries;
    const sends = this.#sends;
    this.#entries = [];
    this.#sends = [];
    if (entries.length > 0) await this.log.append(entries);
    for (const send of sends) send();
    const last = entries.at(-1);
    if (last) await this.afterFlush(last.seq);
  }
}
