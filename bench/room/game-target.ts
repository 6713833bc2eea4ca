import WebSocket from "ws";
import { buildChain } from "../../party/core/instruments";
import { MARKET_START } from "../../party/core/room-engine";
import { pushRoomSetup } from "../../server/services/room-admin";
import { mintRoomToken } from "../../server/services/room-token";
import type { LoadTarget } from "./load";

const GAME = "bench";

/**
 * The game room as a load target: 50 teams (one per bot) in a game opened to continuous trading, each command a
 * real `place_order` through the whole pipeline (parse, authorise, validate, match, settle, group-committed
 * journal write, sequenced frame). Orders are IOC bids at 1 tick spread over the chain: they never fill or rest, so
 * positions and limits stay flat and every order does the same work; each answer is its `command_result` (with the
 * `no_liquidity` cancel in the same frame). Beyond 20 orders/s per team the answer is a `RATE_LIMIT` rejection —
 * the same path, and what a real bot would get.
 */
export async function prepareGameTarget(options: {
  host: string;
  secret: string;
  bots: number;
}): Promise<LoadTarget> {
  const teams = Array.from({ length: options.bots }, (_, i) => ({
    id: `team-${i}`,
    name: `Bot ${i}`,
    role: "market_maker" as const,
    apiKeyHash: null,
  }));
  await pushRoomSetup(
    { version: 1, gameId: GAME, name: "Bench", preset: "compact", seed: 7, teams },
    { partykitUrl: `http://${options.host}`, secret: options.secret },
  );
  await openMarket(options.host, options.secret);
  const tokens = await Promise.all(
    teams.map((team, i) =>
      mintRoomToken(
        { sub: `bench-${i}`, name: team.name, gameId: GAME, teamId: team.id, role: "player" },
        options.secret,
        { ttlSeconds: 3_600 },
      ),
    ),
  );
  const symbols = buildChain({ preset: "compact", ...MARKET_START }).map((i) => i.symbol);
  return {
    label: "game room (place_order, full pipeline)",
    url: (bot) =>
      `ws://${options.host}/parties/main/game-${GAME}?token=${encodeURIComponent(tokens[bot]?.token ?? "")}`,
    command: (bot, n) => {
      const cid = `${bot}-${n}`;
      const instrument = symbols[(bot * 7 + n) % symbols.length];
      return {
        cid,
        text: JSON.stringify({
          type: "place_order",
          cid,
          instrument,
          side: "buy",
          orderType: "limit",
          price: 1,
          quantity: 1,
          tif: "ioc",
        }),
      };
    },
  };
}

/** The instructor starts the game and advances to continuous trading (speed 1×, so the clock stays quiet). */
async function openMarket(host: string, secret: string) {
  const { token } = await mintRoomToken(
    { sub: "bench-teacher", name: "Teacher", gameId: GAME, teamId: null, role: "instructor" },
    secret,
  );
  const socket = new WebSocket(`ws://${host}/parties/main/game-${GAME}?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const commands = ["set_speed", "start_game", "advance_phase", "advance_phase"];
  const answered = new Promise<void>((resolve) => {
    let left = commands.length;
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { msgs: { type: string }[] };
      for (const m of frame.msgs) if (m.type === "command_result" && --left === 0) resolve();
    });
  });
  commands.forEach((type, i) => {
    socket.send(
      JSON.stringify(type === "set_speed" ? { type, cid: `a${i}`, speed: 1 } : { type, cid: `a${i}` }),
    );
  });
  await answered;
  socket.close();
}
