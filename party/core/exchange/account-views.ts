import type { AccountView } from "../ledger";
import type { OpenOrder, PnlView, PositionView } from "../protocol";
import type { OrderRecord } from "./types";

/** How the exchange's records look on the wire (server-messages.ts shapes). */
export function openOrderView(order: OrderRecord): OpenOrder {
  return {
    orderId: order.orderId,
    cid: order.cid,
    instrument: order.instrument,
    side: order.side,
    price: order.price,
    quantity: order.quantity,
    remaining: order.remaining,
    source: order.source,
    at: order.at,
  };
}

export function pnlView(view: AccountView): PnlView {
  return {
    cashCents: view.cashCents,
    realisedCents: view.realisedCents,
    unrealisedCents: view.unrealisedCents,
    feesCents: view.feesCents,
    totalCents: view.totalCents,
  };
}

export function positionViews(view: AccountView, marks: Record<string, number>): PositionView[] {
  return view.positions.map((p) => positionView(p, marks[p.instrument] ?? null));
}

export function positionView(p: AccountView["positions"][number], mark: number | null): PositionView {
  return {
    instrument: p.instrument,
    position: p.position,
    averagePrice: p.position === 0 ? 0 : Math.round(p.openCost / Math.abs(p.position)),
    realisedCents: p.realisedCents,
    unrealisedCents: p.unrealisedCents ?? 0,
    markTicks: mark,
  };
}
