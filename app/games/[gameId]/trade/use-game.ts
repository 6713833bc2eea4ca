"use client";

import PartySocket from "partysocket";
import { useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ServerFrame, ServerMessage, TradingCommand } from "@/party/core/protocol";
import { useTRPCClient } from "../../../_trpc/client";
import { createFrameBatcher } from "./frame-batcher";
import type { AdminCommandInput } from "./instructor-controls";
import { applyMessage, EMPTY_MARKET, type MarketState } from "./market-state";

export type RoomStatus = "connecting" | "open" | "reconnecting" | "refused";
export type TradingCommandInput = TradingCommand extends infer C
  ? C extends { cid: string }
    ? Omit<C, "cid">
    : never
  : never;

export type GameConnection = {
  status: RoomStatus;
  connected: number;
  you: Extract<ServerMessage, { type: "welcome" }>["you"] | null;
  lastPong: { pings: number; roundTripMs: number } | null;
  error: string | null;
  market: MarketState;
};

const INITIAL: GameConnection = {
  status: "connecting",
  connected: 0,
  you: null,
  lastPong: null,
  error: null,
  market: EMPTY_MARKET,
};

/**
 * This browser's live link to its game's room: a fresh room token on every (re)connect, a session id with the last
 * frame seq so missed frames are replayed, and the market state rebuilt from every message. Frames that arrive
 * between two animation frames are applied together, in one state update rendered right before the next paint.
 */
export function useGame(gameId: string, viewKey?: string) {
  const client = useTRPCClient();
  const [state, setState] = useState<GameConnection>(INITIAL);
  const socketRef = useRef<PartySocket | null>(null);
  const sentAt = useRef(new Map<string, number>());
  const counter = useRef(0);

  useEffect(() => {
    let cancelled = false;
    const sid = randomId();
    let lastSeq = 0;
    // Socket events in arrival order (a close after a frame must not be undone by that frame's welcome).
    const incoming = createFrameBatcher<Incoming>((batch) =>
      flushSync(() => setState((s) => batch.reduce((acc, item) => receive(acc, item, sentAt.current), s))),
    );
    const fetchToken = () =>
      viewKey
        ? client.game.viewToken.mutate({ gameId, key: viewKey })
        : client.game.roomToken.mutate({ gameId });
    fetchToken()
      .then((first) => {
        if (cancelled) return;
        let pending: string | null = first.token;
        const socket = new PartySocket({
          host: first.host,
          room: first.room,
          query: async () => {
            const token = pending ?? (await fetchToken()).token;
            pending = null;
            return lastSeq > 0 ? { token, sid, resume: String(lastSeq) } : { token, sid };
          },
        });
        socketRef.current = socket;
        socket.addEventListener("open", () => incoming.push({ status: "open" }));
        socket.addEventListener("close", () => incoming.push({ status: "reconnecting" }));
        socket.addEventListener("message", (event: MessageEvent) => {
          const frame = JSON.parse(String(event.data)) as ServerFrame;
          lastSeq = frame.seq;
          incoming.push({ frame });
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, status: "refused", error: (error as Error).message }));
      });
    return () => {
      cancelled = true;
      incoming.dispose();
      socketRef.current?.close();
      socketRef.current = null;
    };
  }, [client, gameId, viewKey]);

  const nextCid = useCallback(() => `c${Date.now().toString(36)}${(counter.current++).toString(36)}`, []);

  /** Sends a command; returns its cid (to find its outcome in `market.outcomes`), or null when disconnected. */
  const send = useCallback(
    (command: TradingCommandInput | AdminCommandInput | { type: "ping" }): string | null => {
      const socket = socketRef.current;
      if (!socket || socket.readyState !== WebSocket.OPEN) return null;
      const cid = nextCid();
      if (command.type === "ping") sentAt.current.set(cid, performance.now());
      socket.send(JSON.stringify({ ...command, cid }));
      return cid;
    },
    [nextCid],
  );

  return { state, send };
}

type Incoming = { frame: ServerFrame } | { status: "open" | "reconnecting" };

function receive(state: GameConnection, item: Incoming, sentAt: Map<string, number>): GameConnection {
  if ("status" in item) {
    return item.status === "open"
      ? { ...state, status: "open", error: null }
      : { ...state, status: "reconnecting" };
  }
  return item.frame.msgs.reduce((next, m) => apply(next, m, sentAt), state);
}

function apply(state: GameConnection, message: ServerMessage, sentAt: Map<string, number>): GameConnection {
  switch (message.type) {
    case "welcome":
      return { ...state, status: "open", you: message.you, connected: message.connected };
    case "presence":
      return { ...state, connected: message.connected };
    case "pong": {
      const started = sentAt.get(message.cid);
      sentAt.delete(message.cid);
      const roundTripMs = started === undefined ? 0 : Math.round(performance.now() - started);
      return { ...state, lastPong: { pings: message.pings, roundTripMs } };
    }
    case "rejected":
      return { ...state, error: `${message.code}: ${message.message}` };
    default:
      return { ...state, market: applyMessage(state.market, message) };
  }
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}
