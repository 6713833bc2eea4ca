"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { ProjectorLink } from "./projector-link";
import { ApiKeyPanel, ROLE_LABEL, TeamsPanel } from "./teams-panel";
import { TradingFloor } from "./trade/trading-floor";
import { type GameConnection, useGame } from "./trade/use-game";

export function GameScreen({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.game.byId.queryOptions({ gameId }));
  const { state, send } = useGame(gameId);
  if (view.isPending) return <p className="muted">Loading game…</p>;
  if (view.error) {
    return (
      <section className="panel">
        <p className="error" role="alert">
          {view.error.message}
        </p>
        <a href="/games">Back to your games</a>
      </section>
    );
  }
  const { game, team, access } = view.data;
  return (
    <>
      <section className="panel game-head">
        <div>
          <h1>{game.name}</h1>
          <p className="muted">
            {access === "instructor"
              ? "You run this game."
              : `You trade for ${team?.name} (${team ? ROLE_LABEL[team.role].toLowerCase() : ""}).`}{" "}
            Join code{" "}
            <span className="code" data-testid="join-code">
              {game.joinCode}
            </span>{" "}
            · seed <span className="num">{game.seed}</span> · {game.preset} chain
            {team ? (
              <>
                {" · "}
                <a href={`/games/${game.id}/bot`}>Bot editor</a>
              </>
            ) : (
              <>
                {" · "}
                <ProjectorLink gameId={game.id} />
              </>
            )}
          </p>
        </div>
        <ConnectionBadge state={state} ping={() => send({ type: "ping" })} />
      </section>
      <TradingFloor connection={state} send={send} teamRole={team?.role ?? null} />
      <div className="grid2">
        <TeamsPanel view={view.data} />
        <section className="panel tight" aria-label="Export">
          <h2>Export (CSV)</h2>
          <p className="row">
            {(["orders", "fills", "positions", "marks"] as const).map((kind) => (
              <a key={kind} href={`/api/games/${game.id}/export/${kind}`} download>
                {kind}
              </a>
            ))}
          </p>
          <p className="muted small">
            {access === "instructor" ? "The whole game." : "Your team's records."}{" "}
            <a href={`/games/${game.id}/debrief`}>Debrief: P&L, attribution, best and worst trades</a>
          </p>
        </section>
        {team ? <ApiKeyPanel teamId={team.id} hasKey={team.hasApiKey} prefix={team.apiKeyPrefix} /> : null}
      </div>
    </>
  );
}

function ConnectionBadge({ state, ping }: { state: GameConnection; ping: () => void }) {
  return (
    <div className="connection">
      <span className="muted">
        <span data-testid="room-connected" className="num">
          {state.connected}
        </span>{" "}
        connected
      </span>
      <button type="button" className="ghost small" onClick={ping} disabled={state.status !== "open"}>
        Ping the exchange
      </button>
      {state.lastPong ? (
        <span data-testid="room-pong" className="num muted">
          pong #{state.lastPong.pings} in {state.lastPong.roundTripMs} ms
        </span>
      ) : null}
      {state.error ? (
        <p className="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
