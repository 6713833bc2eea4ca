// Runs the stream through our whole pipeline: party/core/exchange's `Exchange.handle` (validate → match →
// settle → publish), one account per owner, every instrument listed. Limits, sizes, the rate limit and the price
// band are set wide, so every order passes validation (the rejected column must stay ~0: the work equals the
// books'); validation still runs in full on every order. Commands are built before timing.
import { defaultExchangeConfig, Exchange, type ExchangeCommand } from "../../party/core/exchange";
import type { RoleLimits } from "../../party/core/risk";
import type { BenchTarget, PreparedRun } from "./target";
import type { BenchOp } from "./workload";

const WIDE: RoleLimits = {
  codePrefix: "BENCH",
  orderTypes: ["limit", "market", "quote"],
  minSize: 1,
  maxSize: 1_000_000,
  perInstrument: 1_000_000_000,
  total: 1_000_000_000,
  oneSided: false,
};

export function pipelineTarget(label = "our whole pipeline (party/core/exchange)"): BenchTarget {
  return {
    label,
    prepare(ops: readonly BenchOp[]): PreparedRun {
      const instruments = [...new Set(ops.map((op) => op.instrument))]
        .sort((a, b) => a - b)
        .map((i) => `I${i}`);
      const config = {
        ...defaultExchangeConfig(instruments),
        limits: { market_maker: WIDE, hedge_fund: WIDE, arbitrage_desk: WIDE, retail: WIDE },
        rate: { perSecond: 1_000_000_000, burst: 1_000_000_000 },
        priceBand: { min: 1, max: 1_000_000_000 },
      };
      const exchange = new Exchange(config);
      const owners = [...new Set(ops.map((op) => op.owner))];
      for (const owner of owners)
        exchange.handle({ type: "open_account", account: `team-${owner}`, role: "market_maker" });
      exchange.handle({ type: "set_phase", at: 0, phase: "pre_open" });
      exchange.handle({ type: "set_phase", at: 0, phase: "continuous" });
      // The exchange numbers accepted orders o1, o2, …: map the stream's ids onto them (all are accepted).
      const exchangeId = new Map<number, string>();
      let placed = 0;
      const commands: ExchangeCommand[] = ops.map((op, i) => {
        const account = `team-${op.owner}`;
        const instrument = `I${op.instrument}`;
        if (op.kind === "cancel") {
          return {
            type: "cancel",
            at: i,
            account,
            cid: null,
            orderId: exchangeId.get(op.id) ?? `missing-${op.id}`,
          };
        }
        exchangeId.set(op.id, `o${++placed}`);
        return {
          type: "place",
          at: i,
          account,
          cid: null,
          source: "bot",
          instrument,
          side: op.side,
          orderType: op.kind === "market" ? "market" : "limit",
          price: op.kind === "market" ? undefined : op.price,
          quantity: op.qty,
          tif: op.kind === "market" ? "ioc" : op.tif,
        };
      });
      let fills = 0;
      let filledQty = 0;
      let stpCancels = 0;
      let rejected = 0;
      return {
        step(i) {
          const command = commands[i] as ExchangeCommand;
          const effects = exchange.handle(command);
          if (effects.result?.status === "rejected" && command.type === "place") rejected++;
          for (const { to, msg } of effects.events) {
            if (msg.type === "fill" && msg.liquidity === "maker") {
              fills++;
              filledQty += msg.quantity;
            } else if (
              msg.type === "order_cancelled" &&
              msg.reason === "self_trade" &&
              to.kind === "account"
            ) {
              stpCancels++;
            }
          }
        },
        stats: () => ({ fills, filledQty, stpCancels, rejected }),
      };
    },
  };
}
