import { type Exposure, worstCase } from "../risk";

/**
 * Each account's worst-case exposure per instrument and their sum, kept up to date as orders and positions change,
 * so the limit check is O(1) however many options an account trades. The exchange calls `update` after every
 * change to an (account, instrument) pair's open quantity or position.
 */
export class ExposureTracker {
  readonly #worst = new Map<string, Map<string, number>>();
  readonly #total = new Map<string, number>();

  update(account: string, instrument: string, exposure: Exposure) {
    let byInstrument = this.#worst.get(account);
    if (!byInstrument) {
      byInstrument = new Map();
      this.#worst.set(account, byInstrument);
    }
    const before = byInstrument.get(instrument) ?? 0;
    const after = worstCase(exposure);
    if (after === 0) byInstrument.delete(instrument);
    else byInstrument.set(instrument, after);
    this.#total.set(account, (this.#total.get(account) ?? 0) + after - before);
  }

  /** Σ worst case over the account's instruments other than `instrument`. */
  others(account: string, instrument: string): number {
    return (this.#total.get(account) ?? 0) - (this.#worst.get(account)?.get(instrument) ?? 0);
  }
}
