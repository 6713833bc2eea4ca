"use client";

import PartySocket from "partysocket";
import { useCallback, useEffect, useState } from "react";
import type { BotFrame, BotLogLine, BotStatusResponse, LiveBotStatus } from "@/party/bots/bot-wire";
import { useTRPCClient } from "../../../_trpc/client";

const KEEP_LOGS = 200;

export type LiveBotView = {
  /** null until the bots room answered; then `status` null means nothing was ever deployed. */
  loaded: boolean;
  status: LiveBotStatus | null;
  logs: BotLogLine[];
  watching: "connecting" | "open" | "reconnecting" | "refused";
  error: string | null;
};

const INITIAL: LiveBotView = { loaded: false, status: null, logs: [], watching: "connecting", error: null };

/**
 * The team's live bot as its room in the bots party streams it: status on every change and each log line as the
 * bot writes it. A fresh room token of the team on every (re)connect; the room replays recent lines on connect.
 */
export function useLiveBot(teamId: string) {
  const client = useTRPCClient();
  const [view, setView] = useState<LiveBotView>(INITIAL);

  useEffect(() => {
    let cancelled = false;
    let socket: PartySocket | null = null;
    const fetchToken = () => client.bot.liveToken.mutate({ teamId });
    fetchToken()
      .then((first) => {
        if (cancelled) return;
        let pending: string | null = first.token;
        socket = new PartySocket({
          host: first.host,
          party: first.party,
          room: first.room,
          query: async () => {
            const token = pending ?? (await fetchToken()).token;
            pending = null;
            return { token };
          },
        });
        // The room replays its recent lines on every connect: start the list over rather than doubling it.
        socket.addEventListener("open", () => setView((v) => ({ ...v, watching: "open", logs: [] })));
        socket.addEventListener("close", () => setView((v) => ({ ...v, watching: "reconnecting" })));
        socket.addEventListener("message", (event: MessageEvent) => {
          const frame = JSON.parse(String(event.data)) as BotFrame;
          setView((v) => applyFrame(v, frame));
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setView((v) => ({ ...v, watching: "refused", error: (error as Error).message }));
      });
    return () => {
      cancelled = true;
      socket?.close();
    };
  }, [client, teamId]);

  /** Takes a deploy's or stop's answer at once (the socket's frames may still be on their way). */
  const take = useCallback((answer: BotStatusResponse) => {
    setView((v) => ({ ...v, loaded: true, status: answer.status }));
  }, []);

  return { view, take };
}

function applyFrame(view: LiveBotView, frame: BotFrame): LiveBotView {
  switch (frame.type) {
    case "bot_status":
      return { ...view, loaded: true, status: frame.status };
    case "bot_log":
      return { ...view, logs: [...view.logs, { at: frame.at, line: frame.line }].slice(-KEEP_LOGS) };
    default:
      return view;
  }
}
