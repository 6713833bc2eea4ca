// What the measurement loop needs from an implementation under test.
import type { BenchOp } from "./workload";

/** Work counters printed next to the timings, to show every implementation did comparable work. */
export interface RunStats {
  /** Maker orders matched. Libraries that report fills differently may count approximately (see `note`). */
  readonly fills: number;
  /** Total traded quantity in lots; must agree exactly between implementations with the same rules. */
  readonly filledQty: number;
  /** Resting orders cancelled by self-trade prevention. */
  readonly stpCancels: number;
  /** Operations the implementation refused (pipeline risk/validation rejections; should be ~0). */
  readonly rejected: number;
  /** Anything the reader should know about how these counters were taken. */
  readonly note?: string;
}

/** A stream loaded into fresh state, ready to run one operation at a time. */
export interface PreparedRun {
  /** Runs operation `i` of the loaded stream. Operations must be run in order, each exactly once. */
  step(i: number): void;
  /** Counters so far. */
  stats(): RunStats;
}

/**
 * An implementation under test. `prepare` builds fresh state and converts the stream to the implementation's own
 * command objects; it is not timed, so conversion costs never count against anyone.
 */
export interface BenchTarget {
  readonly label: string;
  prepare(ops: readonly BenchOp[]): PreparedRun;
}
