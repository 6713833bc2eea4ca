// Runs the stream through the npm `nodejs-order-book` library (one book per instrument). It takes float prices;
// we feed it our integer ticks as numbers, which it compares exactly. Its EXPIRE_MAKER self-trade prevention
// (cancel the resting order of the same account, continue) is our rule, so traded quantity must match ours.
import {
  type IProcessOrder,
  type LimitOrderOptions,
  type MarketOrderOptions,
  OrderBook,
  SelfTradePreventionMode,
  Side,
} from "nodejs-order-book";
import type { BenchTarget, PreparedRun } from "./target";
import type { BenchOp } from "./workload";

type NativeOp =
  | { readonly kind: "limit"; readonly book: OrderBook; readonly options: LimitOrderOptions }
  | { readonly kind: "market"; readonly book: OrderBook; readonly options: MarketOrderOptions }
  | { readonly kind: "cancel"; readonly book: OrderBook; readonly id: string };

// The library does not export its TimeInForce enum; its values are these strings.
const GTC = "GTC" as NonNullable<LimitOrderOptions["timeInForce"]>;
const IOC = "IOC" as NonNullable<LimitOrderOptions["timeInForce"]>;

/** `nodejs-order-book` behind the common benchmark interface. */
export function libraryTarget(label = "nodejs-order-book 10.1.1"): BenchTarget {
  return {
    label,
    prepare(ops: readonly BenchOp[]): PreparedRun {
      const books: OrderBook[] = [];
      const native: NativeOp[] = ops.map((op) => {
        const book = books[op.instrument] ?? new OrderBook();
        books[op.instrument] = book;
        const accountId = `acct-${op.owner}`;
        const stpMode = SelfTradePreventionMode.EXPIRE_MAKER;
        if (op.kind === "cancel") return { kind: "cancel", book, id: String(op.id) };
        const side = op.side === "buy" ? Side.BUY : Side.SELL;
        if (op.kind === "market") {
          return { kind: "market", book, options: { side, size: op.qty, accountId, stpMode } };
        }
        const timeInForce = op.tif === "gtc" ? GTC : IOC;
        const options = {
          id: String(op.id),
          side,
          size: op.qty,
          price: op.price,
          timeInForce,
          accountId,
          stpMode,
        };
        return { kind: "limit", book, options };
      });
      let fills = 0;
      let filledQty = 0;
      let stpCancels = 0;
      let rejected = 0;
      const count = (size: number, r: IProcessOrder, takerId: string | undefined): void => {
        if (r.err !== null) rejected++;
        filledQty += size - r.quantityLeft;
        for (const o of r.done) if (o.id !== takerId) fills++;
        if (r.partial !== null && r.partial.id !== takerId) fills++;
        stpCancels += r.stpExpired?.length ?? 0;
      };
      return {
        step(i) {
          const op = native[i] as NativeOp;
          if (op.kind === "limit") count(op.options.size, op.book.limit(op.options), op.options.id);
          else if (op.kind === "market") count(op.options.size, op.book.market(op.options), undefined);
          else op.book.cancel(op.id);
        },
        stats: () => ({
          fills,
          filledQty,
          stpCancels,
          rejected,
          note: "fills approximate: the library reports a partially filled maker only if the taker does not rest",
        }),
      };
    },
  };
}
