// Runs the stream through one BaselineBook per instrument.
import { BaselineBook, type MatchCounters } from "./baseline-book";
import type { BenchTarget, PreparedRun } from "./target";
import type { BenchOp } from "./workload";

/** The baseline book behind the common benchmark interface. */
export function baselineTarget(label = "baseline book (sorted levels + FIFO)"): BenchTarget {
  return {
    label,
    prepare(ops: readonly BenchOp[]): PreparedRun {
      const counters: MatchCounters = { fills: 0, filledQty: 0, stpCancels: 0, cancelMisses: 0 };
      const books: BaselineBook[] = [];
      const bookFor = (instrument: number): BaselineBook => {
        let book = books[instrument];
        if (book === undefined) {
          book = new BaselineBook(counters);
          books[instrument] = book;
        }
        return book;
      };
      for (const op of ops) bookFor(op.instrument); // create books up front, outside the timed loop
      return {
        step(i) {
          const op = ops[i] as BenchOp;
          const book = books[op.instrument] as BaselineBook;
          if (op.kind === "limit") book.limit(op.id, op.owner, op.side, op.price, op.qty, op.tif === "gtc");
          else if (op.kind === "market") book.market(op.owner, op.side, op.qty);
          else book.cancel(op.id);
        },
        stats: () => ({ ...counters, rejected: 0, note: `${counters.cancelMisses} cancels were no-ops` }),
      };
    },
  };
}
