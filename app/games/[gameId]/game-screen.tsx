"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { ApiKeyPanel, ROLE_LABEL, TeamsPanel } from "./teams-panel";
import { useRoom } from "./use-room";

const STATUS_TEXT = {
  connecting: "Connecting…",
  open: "Live",
  reconnecting: "Reconnecting…",
  refused: "Not connected",
} as const;

export function GameScreen({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.game.byId.queryOptions({ gameId }));
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
      <section className="panel">
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h1 style={{ margin: 0 }}>{game.name}</h1>
          <span className="pill">{game.status}</span>
        </div>
        <p className="muted">
          {access === "instructor"
            ? "You run this game."
            : `You trade for ${team?.name} (${team ? ROLE_LABEL[team.role].toLowerCase() : ""}).`}{" "}
          Join code{" "}
          <span className="code" data-testid="join-code">
            {game.joinCode}
          </span>{" "}
          · seed <span className="num">{game.seed}</span> · {game.preset} chain
        </p>
      </section>
      <div className="grid2">
        <RoomPanel gameId={gameId} />
        <TeamsPanel view={view.data} />
        {team ? <ApiKeyPanel teamId={team.id} hasKey={team.hasApiKey} prefix={team.apiKeyPrefix} /> : null}
      </div>
    </>
  );
}

function RoomPanel({ gameId }: { gameId: string }) {
  const { state, ping } = useRoom(gameId);
  const live = state.status === "open";
  return (
    <section className="panel" aria-label="Exchange connection">
      <h2>Exchange</h2>
      <p>
        <span className={`pill ${live ? "live" : "down"}`} data-testid="room-status">
          {STATUS_TEXT[state.status]}
        </span>{" "}
        <span className="muted">
          <span data-testid="room-connected" className="num">
            {state.connected}
          </span>{" "}
          connected
        </span>
      </p>
      <div className="row">
        <button type="button" onClick={ping} disabled={!live}>
          Ping the exchange
        </button>
        {state.lastPong ? (
          <span data-testid="room-pong" className="num">
            pong #{state.lastPong.pings} in {state.lastPong.roundTripMs} ms
          </span>
        ) : null}
      </div>
      {state.error ? (
        <p className="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}
