import type { ClientCommand } from "../core/room-engine";

/**
 * Another team's recorded order events (order records, game-epoch ms): what a backtest replays so the bot meets the
 * liquidity and the takers the game really had. `place` is an order the team placed (limit GTC or market);
 * `cancel` a cancel it asked for. Order ids are the game's: the replay maps them to its own.
 */
export type TapeOrder =
  | {
      kind: "place";
      at: number;
      teamId: string;
      orderId: string;
      instrument: string;
      side: "buy" | "sell";
      orderType: "limit" | "market";
      price: number | null;
      quantity: number;
    }
  | { kind: "cancel"; at: number; teamId: string; orderId: string };

export type TapeTeam = { teamId: string; role: "market_maker" | "hedge_fund" | "arbitrage_desk" };

/**
 * Replays tape orders in time order: `due(gameMs)` returns the client commands of the orders due by then, and
 * `accepted(cid, orderIds)` learns the replay's order id of each placed order, so a later cancel finds it. A cancel
 * of an order the replay never placed (or that filled) is skipped.
 */
export class TapeReplay {
  readonly #orders: TapeOrder[];
  #next = 0;
  /** The game's order id → the replay's, learnt from command results. */
  readonly #ids = new Map<string, string>();

  constructor(orders: readonly TapeOrder[]) {
    this.#orders = [...orders].sort((a, b) => a.at - b.at);
  }

  due(gameMs: number): { teamId: string; message: ClientCommand }[] {
    const out: { teamId: string; message: ClientCommand }[] = [];
    while (this.#next < this.#orders.length && (this.#orders[this.#next] as TapeOrder).at <= gameMs) {
      const o = this.#orders[this.#next++] as TapeOrder;
      if (o.kind === "cancel") {
        const id = this.#ids.get(o.orderId);
        if (id)
          out.push({
            teamId: o.teamId,
            message: { type: "cancel_order", cid: `tape-x-${o.orderId}`, orderId: id },
          });
        continue;
      }
      const cid = `tape-${o.orderId}`;
      out.push({
        teamId: o.teamId,
        message:
          o.orderType === "market" || o.price === null
            ? {
                type: "place_order",
                cid,
                instrument: o.instrument,
                side: o.side,
                orderType: "market",
                quantity: o.quantity,
                tif: "ioc",
              }
            : {
                type: "place_order",
                cid,
                instrument: o.instrument,
                side: o.side,
                orderType: "limit",
                price: o.price,
                quantity: o.quantity,
                tif: "gtc",
              },
      });
    }
    return out;
  }

  accepted(cid: string, orderIds: readonly string[]) {
    if (!cid.startsWith("tape-") || cid.startsWith("tape-x-")) return;
    const id = orderIds[0];
    if (id) this.#ids.set(cid.slice("tape-".length), id);
  }

  get remaining(): number {
    return this.#orders.length - this.#next;
  }
}
