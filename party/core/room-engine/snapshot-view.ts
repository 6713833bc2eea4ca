import type { Exchange } from "../exchange";
import type { DepthLevel } from "../matching";
import type { ClockView, InstrumentInfo, ServerMessage, TradePrint } from "../protocol";
import type { Actor } from "./actor";
import { instrumentInfo } from "./game-market";

const DEPTH = 10;

export type DepthOf = (instrument: string) => { bids: readonly DepthLevel[]; asks: readonly DepthLevel[] };

/**
 * The `snapshot` message for one connection: public market state for all, private state for its own team. Books
 * come from `depthOf` (the room passes the depth it last published, so deltas on their way apply on top), or from
 * the exchange's current depth.
 */
export function snapshotFor(
  exchange: Exchange | null,
  tape: readonly TradePrint[],
  clock: ClockView,
  actor: Actor,
  underlying: { spxTicks: number; spyTicks: number; at: number } | null,
  depthOf?: DepthOf,
): ServerMessage {
  const listed = exchange?.listed() ?? [];
  const own = actor.teamId !== null && exchange?.hasAccount(actor.teamId) ? actor.teamId : null;
  const account = own && exchange ? exchange.positions(own) : null;
  return {
    type: "snapshot",
    instruments: listed.map(instrumentInfo).filter((i): i is InstrumentInfo => i !== null),
    books: listed.map((instrument) => {
      const { bids, asks } = depthOf ? depthOf(instrument) : (exchange as Exchange).depth(instrument, DEPTH);
      return { instrument, bids: [...bids], asks: [...asks] };
    }),
    trades: [...tape],
    clock,
    underlying,
    news: [],
    orders: own && exchange ? exchange.openOrders(own) : [],
    positions: account?.positions ?? [],
    pnl: account?.pnl ?? null,
  };
}
