import type { ExchangeCommand } from "../exchange";
import type { OrderSource, TradingCommand } from "../protocol";

/**
 * A trader's wire command as the exchange's command, for the account the room verified. `at` is game time (what
 * orders, fills and trades are stamped with, like the simulated flow's); `rateAt` is the real time the command
 * arrived, which the rate limit counts in.
 */
export function toExchangeCommand(
  command: TradingCommand,
  account: string,
  source: OrderSource,
  at: number,
  rateAt: number,
): ExchangeCommand {
  const { cid } = command;
  switch (command.type) {
    case "place_order":
      return {
        type: "place",
        at,
        rateAt,
        account,
        cid,
        source,
        instrument: command.instrument,
        side: command.side,
        orderType: command.orderType,
        price: command.orderType === "limit" ? command.price : undefined,
        quantity: command.quantity,
        tif: command.tif,
      };
    case "cancel_order":
      return { type: "cancel", at, account, cid, orderId: command.orderId };
    case "cancel_all":
      return { type: "cancel_all", at, account, cid, instrument: command.instrument };
    case "quote":
      return {
        type: "quote",
        at,
        rateAt,
        account,
        cid,
        source,
        instrument: command.instrument,
        bid: command.bid,
        ask: command.ask,
      };
    case "cancel_quote":
      return { type: "cancel_quote", at, account, cid, instrument: command.instrument };
  }
}
