// External bots over the HTTP API (as examples/external-bot.mjs, with the team's API key), paced at the rate limit:
// 20 tokens a second per team (a quote costs two). Market makers requote every option of the chain in turn around
// a Black–Scholes value from the live underlying; takers send market orders, buying and selling in turn, across
// every option. Answers are parsed with zod at this boundary and tallied.
import { z } from "zod";
import { secondsToExpiry } from "../../party/core/game-clock";
import { DEFAULT_SIM_CONFIG, theoTicks, yearsForSeconds } from "../../party/core/market-sim";
import type { InstrumentInfo, TradingCommand } from "../../party/core/protocol";
import type { BotTeam } from "./game-setup";
import type { RoomWatch } from "./room-watch";

const SLOT_MS = 100;

const Answer = z.object({
  results: z.array(
    z.union([
      z.object({ status: z.literal("accepted") }).loose(),
      z.object({ status: z.literal("rejected"), code: z.string() }).loose(),
    ]),
  ),
});

export type BotTally = { sent: number; accepted: number; rejected: Record<string, number>; errors: number };
export type BotLoad = { tally: BotTally; stop(): Promise<void> };

export function startBots(options: {
  partyUrl: string;
  gameId: string;
  teams: BotTeam[];
  room: RoomWatch;
}): BotLoad {
  const tally: BotTally = { sent: 0, accepted: 0, rejected: {}, errors: 0 };
  let running = true;
  const loops = options.teams.map((team, t) => runBot(team, t));

  async function runBot(team: BotTeam, index: number) {
    const url = `${options.partyUrl}/parties/main/game-${options.gameId}/api/commands`;
    let step = index * 7;
    let next = Date.now();
    while (running) {
      const commands = team.role === "market_maker" ? [quote(team, step)] : [take(step), take(step + 1)];
      step += commands.length;
      tally.sent += commands.length;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "x-api-key": team.apiKey, "content-type": "application/json" },
          body: JSON.stringify({ type: "batch", cid: `b${team.name}${step}`, commands }),
        });
        for (const r of Answer.parse(await response.json()).results) {
          if (r.status === "accepted") tally.accepted++;
          else tally.rejected[r.code] = (tally.rejected[r.code] ?? 0) + 1;
        }
      } catch {
        tally.errors++;
      }
      next += SLOT_MS;
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      if (Date.now() - next > 10 * SLOT_MS) next = Date.now();
    }
  }

  function pick(step: number): InstrumentInfo | undefined {
    const all = options.room.instruments();
    return all[step % all.length];
  }

  function quote(team: BotTeam, step: number): TradingCommand {
    const info = pick(step);
    const mid = Math.max(20, fairTicks(info) + (step % 3) - 1 + (team.name.endsWith("B") ? 1 : 0));
    const half = Math.max(2, Math.floor(mid / 25));
    return {
      type: "quote",
      cid: `q${step}`,
      instrument: info?.symbol ?? "",
      bid: { price: mid - half, quantity: 10 },
      ask: { price: mid + half, quantity: 10 },
    };
  }

  function take(step: number): TradingCommand {
    return {
      type: "place_order",
      cid: `t${step}`,
      instrument: pick(step)?.symbol ?? "",
      side: step % 2 === 0 ? "buy" : "sell",
      orderType: "market",
      tif: "ioc",
      quantity: 1 + (step % 3),
    };
  }

  function fairTicks(info: InstrumentInfo | undefined): number {
    const spot = options.room.underlying();
    const clock = options.room.clock();
    if (!info || !spot || !clock) return 500;
    return theoTicks({
      spotTicks: info.underlying === "SPX" ? spot.spxTicks : spot.spyTicks,
      strikeTicks: info.strike,
      years: yearsForSeconds(DEFAULT_SIM_CONFIG, secondsToExpiry(info.expiry, clock.session, clock.gameTime)),
      vol: 0.2,
      call: info.optionType === "call",
    });
  }

  return {
    tally,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
