"use client";

import { memo } from "react";
import type { OpenOrder, PnlView, PositionView } from "@/party/core/protocol";
import { formatPnl, formatTicks } from "../../../_lib/format";
import { instrumentLabel } from "../../../_lib/instrument-label";
import type { FillRow } from "./market-state";
import type { TradingCommandInput } from "./use-game";

type Send = (command: TradingCommandInput) => string | null;

/** The team's working orders with cancel and cancel-all. Rows are memoised by order. */
export const OpenOrders = memo(function OpenOrders({ orders, send }: { orders: OpenOrder[]; send: Send }) {
  return (
    <section className="panel tight" aria-label="Open orders">
      <div className="row spread-row">
        <h2>Open orders</h2>
        <button
          type="button"
          className="ghost small"
          disabled={orders.length === 0}
          onClick={() => send({ type: "cancel_all" })}
        >
          Cancel all
        </button>
      </div>
      {orders.length === 0 ? (
        <p className="muted">No working orders.</p>
      ) : (
        <div className="blotter-scroll">
          <table className="dense">
            <thead>
              <tr>
                <th>Option</th>
                <th>Side</th>
                <th>Price</th>
                <th>Left</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <OrderRow key={o.orderId} order={o} send={send} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});

const OrderRow = memo(function OrderRow({ order: o, send }: { order: OpenOrder; send: Send }) {
  return (
    <tr>
      <td className="num nowrap" title={o.instrument}>
        {instrumentLabel(o.instrument)}
      </td>
      <td className={o.side === "buy" ? "bid" : "ask"}>{o.side}</td>
      <td className="num">{formatTicks(o.price)}</td>
      <td className="num">
        {o.remaining}/{o.quantity}
      </td>
      <td>
        <button
          type="button"
          className="ghost small"
          aria-label={`Cancel order ${o.orderId}`}
          title="Cancel this order"
          onClick={() => send({ type: "cancel_order", orderId: o.orderId })}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

/** The team's fills, newest first. Rows are memoised by fill. */
export const FillsBlotter = memo(function FillsBlotter({ fills }: { fills: FillRow[] }) {
  const rows = fills.slice(-50).reverse();
  return (
    <section className="panel tight" aria-label="Fills">
      <h2>Fills</h2>
      {rows.length === 0 ? (
        <p className="muted">No fills yet.</p>
      ) : (
        <div className="blotter-scroll">
          <table className="dense">
            <thead>
              <tr>
                <th>Option</th>
                <th>Side</th>
                <th>Qty</th>
                <th>Price</th>
                <th>Fee</th>
                <th>Liq.</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <FillLine key={`${f.tradeId}-${f.orderId}`} fill={f} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});

const FillLine = memo(function FillLine({ fill: f }: { fill: FillRow }) {
  return (
    <tr>
      <td className="num nowrap" title={f.instrument}>
        {instrumentLabel(f.instrument)}
      </td>
      <td className={f.side === "buy" ? "bid" : "ask"}>{f.side}</td>
      <td className="num">{f.quantity}</td>
      <td className="num">{formatTicks(f.price)}</td>
      <td className="num">{formatPnl(f.feeCents)}</td>
      <td className="muted">{f.liquidity}</td>
    </tr>
  );
});

/** Positions with average price, mark and P&L; totals on top. Rows are memoised by position. */
export const PositionsPanel = memo(function PositionsPanel({
  positions,
  pnl,
}: {
  positions: PositionView[];
  pnl: PnlView | null;
}) {
  const open = positions.filter((p) => p.position !== 0 || p.realisedCents !== 0);
  return (
    <section className="panel tight" aria-label="Positions and P&L">
      <h2>Positions &amp; P&amp;L</h2>
      <dl className="pnl">
        <div>
          <dt>Total</dt>
          <dd className="num" data-testid="pnl-total">
            {formatPnl(pnl?.totalCents ?? 0)}
          </dd>
        </div>
        <div>
          <dt>Realised</dt>
          <dd className="num">{formatPnl(pnl?.realisedCents ?? 0)}</dd>
        </div>
        <div>
          <dt>Unrealised</dt>
          <dd className="num">{formatPnl(pnl?.unrealisedCents ?? 0)}</dd>
        </div>
        <div>
          <dt>Fees</dt>
          <dd className="num">{formatPnl(pnl?.feesCents ?? 0)}</dd>
        </div>
      </dl>
      {open.length === 0 ? (
        <p className="muted">Flat.</p>
      ) : (
        <div className="blotter-scroll">
          <table className="dense">
            <thead>
              <tr>
                <th>Option</th>
                <th>Pos</th>
                <th>Avg</th>
                <th>Mark</th>
                <th>P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {open.map((p) => (
                <PositionLine key={p.instrument} position={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});

const PositionLine = memo(function PositionLine({ position: p }: { position: PositionView }) {
  return (
    <tr>
      <td className="num nowrap" title={p.instrument}>
        {instrumentLabel(p.instrument)}
      </td>
      <td className="num" data-testid={`position-${p.instrument}`}>
        {p.position}
      </td>
      <td className="num">{formatTicks(p.averagePrice)}</td>
      <td className="num">{p.markTicks === null ? "–" : formatTicks(p.markTicks)}</td>
      <td className="num">{formatPnl(p.realisedCents + p.unrealisedCents)}</td>
    </tr>
  );
});
