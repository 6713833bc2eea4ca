/**
 * A small seeded PRNG (sfc32, Chris Doty-Humphrey's "small fast chaotic" generator) whose whole state is four
 * uint32 numbers, so it serialises to JSON and resumes bit-for-bit. Not for cryptography.
 */
export type RngState = readonly [number, number, number, number];

const TWO_POW_32 = 4_294_967_296;

/** splitmix32: spreads a seed over the four state words so nearby seeds and streams give unrelated sequences. */
function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(state: RngState) {
    [this.#a, this.#b, this.#c, this.#d] = state.map((word) => word >>> 0) as [
      number,
      number,
      number,
      number,
    ];
  }

  /**
   * A generator for (`seed`, `stream`): each stream of one seed is an independent sequence, so one part of the
   * simulation drawing more numbers never shifts another part's draws. Any safe integers are accepted.
   */
  static fromSeed(seed: number, stream = 0): Rng {
    if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream))
      throw new RangeError(`seed and stream must be safe integers, got ${seed}, ${stream}`);
    const high = Math.floor(seed / TWO_POW_32) >>> 0;
    const mix = splitmix32((seed >>> 0) ^ Math.imul(high, 0x632be5ab) ^ Math.imul(stream + 1, 0x2545f491));
    const rng = new Rng([mix(), mix(), mix(), mix()]);
    for (let i = 0; i < 16; i++) rng.uint32(); // warm-up, as recommended for sfc32
    return rng;
  }

  /** The next raw 32-bit output. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1), 32-bit resolution. */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** Standard normal by Box–Muller (one output per two uniforms, nothing cached so the state stays 4 words). */
  normal(): number {
    const u1 = (this.uint32() + 0.5) / TWO_POW_32; // in (0, 1): log never sees 0
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [minIncl, maxIncl]. */
  int(minIncl: number, maxIncl: number): number {
    if (!Number.isSafeInteger(minIncl) || !Number.isSafeInteger(maxIncl) || maxIncl < minIncl)
      throw new RangeError(`bad integer range [${minIncl}, ${maxIncl}]`);
    return minIncl + Math.floor(this.next() * (maxIncl - minIncl + 1));
  }

  /** Poisson count (Knuth's product method, in chunks of mean ≤ 30 so exp(−mean) never underflows). */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`bad Poisson mean ${mean}`);
    let count = 0;
    for (let left = mean; left > 0; left -= 30) {
      const limit = Math.exp(-Math.min(left, 30));
      let product = this.next();
      while (product > limit) {
        count++;
        product *= this.next();
      }
    }
    return count;
  }

  /** Exponential with the given mean (not rate). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  state(): RngState {
    return [this.#a >>> 0, this.#b >>> 0, this.#c >>> 0, this.#d >>> 0];
  }
}
