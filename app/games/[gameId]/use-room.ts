"use client";

import PartySocket from "partysocket";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ServerFrame, ServerMessage } from "@/party/core/protocol";
import { useTRPCClient } from "../../_trpc/client";

export type RoomStatus = "connecting" | "open" | "reconnecting" | "refused";

export type RoomState = {
  status: RoomStatus;
  connected: number;
  you: Extract<ServerMessage, { type: "welcome" }>["you"] | null;
  lastPong: { pings: number; roundTripMs: number } | null;
  error: string | null;
};

const INITIAL: RoomState = { status: "connecting", connected: 0, you: null, lastPong: null, error: null };

/**
 * Connects this browser to its game's room with a fresh room token on every (re)connect,
 * and keeps the latest room facts as React state.
 */
export function useRoom(gameId: string) {
  const client = useTRPCClient();
  const [state, setState] = useState<RoomState>(INITIAL);
  const socketRef = useRef<PartySocket | null>(null);
  const sentAt = useRef(new Map<string, number>());

  useEffect(() => {
    let cancelled = false;
    const sid = sessionId();
    let lastSeq = 0;
    const fetchToken = () => client.game.roomToken.mutate({ gameId });
    void fetchToken()
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
        socket.addEventListener("open", () => setState((s) => ({ ...s, status: "open", error: null })));
        socket.addEventListener("close", () => setState((s) => ({ ...s, status: "reconnecting" })));
        socket.addEventListener("message", (event: MessageEvent) => {
          const frame = JSON.parse(String(event.data)) as ServerFrame;
          lastSeq = frame.seq;
          setState((s) => frame.msgs.reduce((next, m) => apply(next, m, sentAt.current), s));
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, status: "refused", error: (error as Error).message }));
      });
    return () => {
      cancelled = true;
      socketRef.current?.close();
      socketRef.current = null;
    };
  }, [client, gameId]);

  const ping = useCallback(() => {
    const cid = `ping-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    sentAt.current.set(cid, performance.now());
    socketRef.current?.send(JSON.stringify({ type: "ping", cid }));
  }, []);

  return { state, ping };
}

function apply(state: RoomState, message: ServerMessage, sentAt: Map<string, number>): RoomState {
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
      return state;
  }
}

/** A random id for this tab's room session, kept across reconnects so missed frames can be replayed. */
function sessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
