import { mintRoomToken } from "../../server/services/room-token";
import type { LoadTarget } from "./load";

/**
 * The game room as a load target. Until the exchange is wired into the room, each command is a `ping`, which
 * goes the whole single-writer path a trading command will take (parse, engine, group-committed journal write,
 * sequenced frame) — the label says so, so nobody reads it as order throughput.
 */
export async function prepareGameTarget(options: {
  host: string;
  secret: string;
  bots: number;
}): Promise<LoadTarget> {
  const tokens = await Promise.all(
    Array.from({ length: options.bots }, (_, i) =>
      mintRoomToken(
        { sub: `bench-${i}`, name: `Bot ${i}`, gameId: "bench", teamId: `team-${i}`, role: "player" },
        options.secret,
        { ttlSeconds: 3_600 },
      ),
    ),
  );
  return {
    label: "game room (ping via journal)",
    url: (bot) =>
      `ws://${options.host}/parties/main/game-bench?token=${encodeURIComponent(tokens[bot]?.token ?? "")}`,
    command: (bot, n) => {
      const cid = `${bot}-${n}`;
      return { cid, text: JSON.stringify({ type: "ping", cid }) };
    },
  };
}
