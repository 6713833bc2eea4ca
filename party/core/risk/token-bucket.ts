/**
 * A per-team order rate limit as a token bucket (DECISIONS.md: 20 orders/s sustained, bursts of 40). Time is an
 * input (ms), so replays give the same answers. Tokens are kept in thousandths to stay in integers.
 */
export type BucketState = { milliTokens: number; lastMs: number };

export type BucketConfig = { perSecond: number; burst: number };

export const DEFAULT_RATE: BucketConfig = { perSecond: 20, burst: 40 };

export class TokenBucket {
  readonly #buckets = new Map<string, BucketState>();

  constructor(private readonly config: BucketConfig = DEFAULT_RATE) {}

  /** Takes `cost` tokens for `key` at time `nowMs`; false (and nothing taken) when there are not enough. */
  take(key: string, nowMs: number, cost = 1): boolean {
    const full = this.config.burst * 1_000;
    const bucket = this.#buckets.get(key) ?? { milliTokens: full, lastMs: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.lastMs);
    const refilled = Math.min(full, bucket.milliTokens + elapsed * this.config.perSecond);
    const needed = cost * 1_000;
    const ok = refilled >= needed;
    this.#buckets.set(key, {
      milliTokens: ok ? refilled - needed : refilled,
      lastMs: Math.max(nowMs, bucket.lastMs),
    });
    return ok;
  }

  snapshot(): Record<string, BucketState> {
    return Object.fromEntries(this.#buckets);
  }

  restore(state: Record<string, BucketState>) {
    this.#buckets.clear();
    for (const [k, v] of Object.entries(state)) this.#buckets.set(k, { ...v });
  }
}
