import type { Exchange } from "../exchange";
import type { ClockView, InstrumentInfo, ServerMessage, TradePrint } from "../protocol";
import type { Actor } from "./actor";
import { instrumentInfo } from "./game-market";

const DEPTH = 10;

/** The `snapshot` message for one connection: public market state for all, private state for its own team. */
export function snapshotFor(
  exchange: Exchange | null,
  tape: readonly TradePrint[],
  clock: ClockView,
  actor: Actor,
  underlying: { spxTicks: number; spyTicks: number; at: number } | null,
): ServerMessage {
  const listed = exchange?.listed() ?? [];
  const own = actor.teamId !== null && exchange?.hasAccount(actor.teamId) ? actor.teamId : null;
  const account = own && exchange ? exchange.positions(own) : null;
  return {
    type: "snapshot",
    instruments: listed.map(instrumentInfo).filter((i): i is InstrumentInfo => i !== null),
    books: listed.map((instrument) => ({ instrument, ...(exchange as Exchange).depth(instrument, DEPTH) })),
    trades: [...tape],
    clock,
    underlying,
    news: [],
    orders: own && exchange ? exchange.openOrders(own) : [],
    positions: account?.positions ?? [],
    pnl: account?.pnl ?? null,
  };
}
