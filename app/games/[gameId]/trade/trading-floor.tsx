"use client";

import { useState } from "react";
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
import type { GameConnection, TradingCommandInput } from "./use-game";

/** The trader's screen: chain, book, tickets, own orders/fills/positions, market feeds. Everything is live. */
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
          <h2 className="num">{symbol ?? "Book"}</h2>
          <OrderLadder
            symbol={symbol}
            book={symbol ? market.books[symbol] : undefined}
            onPrice={(price, side) => setPreset({ price, side, nonce: Date.now() })}
          />
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
              <PositionsPanel positions={Object.values(market.positions)} pnl={market.pnl} />
              <OpenOrders orders={Object.values(market.orders)} send={send} />
              <CompliancePanel compliance={market.compliance} />
            </>
          ) : null}
          <NewsAndSignals news={market.news} signals={market.signals} />
        </div>
      </div>
      {instructor ? <TeamsLive teams={market.teams} /> : null}
      <div className="floor-bottom">
        <UnderlyingChart points={market.underlying} />
        <TradeTape trades={market.trades} />
        {trading ? <FillsBlotter fills={market.fills} /> : null}
      </div>
    </div>
  );
}
