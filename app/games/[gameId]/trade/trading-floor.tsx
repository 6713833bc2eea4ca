"use client";

import { memo, useCallback, useMemo, useState } from "react";
import type { TeamRole } from "@/party/core/protocol";
import { FillsBlotter, OpenOrders, PositionsPanel } from "./blotters";
import { CompliancePanel } from "./compliance-panel";
import { ClockBar, NewsAndSignals, TradeTape } from "./feeds";
import { GameSettings } from "./game-settings";
import { type AdminCommandInput, InstructorControls } from "./instructor-controls";
import { OptionChain } from "./option-chain";
import { OrderLadder } from "./order-ladder";
import { OrderTicket, type TicketPreset } from "./order-ticket";
import { QuoteTicket } from "./quote-ticket";
import { TeamsLive } from "./teams-live";
import { UnderlyingChart } from "./underlying-chart";
import "./floor.css";
import { instrumentLabel } from "../../../_lib/instrument-label";
import type { GameConnection, TradingCommandInput } from "./use-game";

// Panels this folder does not own, memoised here so a market-data update does not re-render them unchanged.
const CompliancePanelMemo = memo(CompliancePanel);
const TeamsLiveMemo = memo(TeamsLive);

/**
 * The trader's screen: chain, book, tickets, own orders/fills/positions, market feeds. Everything is live. Every
 * panel is memoised and gets stable props, so an update re-renders only the panels whose data changed.
 */
export function TradingFloor({
  connection,
  send,
  teamRole,
}: {
  connection: GameConnection;
  send: (command: TradingCommandInput | AdminCommandInput) => string | null;
  teamRole: TeamRole | null;
}) {
  const instructor = connection.you?.role === "instructor";
  const { market } = connection;
  const [selected, setSelected] = useState<string | null>(null);
  const [preset, setPreset] = useState<TicketPreset>(null);
  const symbol = selected ?? market.instruments[0]?.symbol ?? null;
  const trading = teamRole !== null;
  const positions = useMemo(() => Object.values(market.positions), [market.positions]);
  const orders = useMemo(() => Object.values(market.orders), [market.orders]);
  const onPrice = useCallback(
    (price: number, side: "buy" | "sell") => setPreset({ price, side, nonce: Date.now() }),
    [],
  );
  return (
    <div className="floor">
      <ClockBar clock={market.clock} status={connection.status} />
      <div className="floor-grid">
        <section className="panel tight chain-panel" aria-label="Option chain">
          <OptionChain
            instruments={market.instruments}
            books={market.books}
            lastPrice={market.lastPrice}
            positions={market.positions}
            selected={symbol}
            onSelect={setSelected}
            underlying={market.underlying.at(-1) ?? null}
            clock={market.clock}
          />
        </section>
        <section className="panel tight" aria-label="Book and ticket">
          <h2 className="num" title={symbol ?? undefined}>
            {symbol ? instrumentLabel(symbol) : "Book"}
          </h2>
          <OrderLadder symbol={symbol} book={symbol ? market.books[symbol] : undefined} onPrice={onPrice} />
          {trading ? (
            <OrderTicket symbol={symbol} preset={preset} send={send} outcomes={market.outcomes} />
          ) : null}
          {teamRole === "market_maker" ? (
            <QuoteTicket symbol={symbol} send={send} outcomes={market.outcomes} />
          ) : null}
        </section>
        <div className="floor-side">
          {instructor ? (
            <>
              <InstructorControls clock={market.clock} send={send} outcomes={market.outcomes} />
              <GameSettings settings={market.settings} send={send} outcomes={market.outcomes} />
            </>
          ) : null}
          {trading ? (
            <>
              <PositionsPanel positions={positions} pnl={market.pnl} />
              <OpenOrders orders={orders} send={send} />
              <CompliancePanelMemo compliance={market.compliance} />
            </>
          ) : null}
          <NewsAndSignals news={market.news} signals={market.signals} />
        </div>
      </div>
      {instructor ? <TeamsLiveMemo teams={market.teams} /> : null}
      <div className="floor-bottom">
        <UnderlyingChart points={market.underlying} />
        <TradeTape trades={market.trades} />
        {trading ? <FillsBlotter fills={market.fills} /> : null}
      </div>
    </div>
  );
}
