import { MarketDataCoalescer } from "../core/market-data";
import type { RoomSetup, ServerMessage, TeamRole } from "../core/protocol";
import {
  type Actor,
  type ClientCommand,
  type RoomCommand,
  type RoomEffects,
  RoomEngine,
} from "../core/room-engine";
import { type TapeOrder, TapeReplay, type TapeTeam } from "./backtest-tape";
import { BotHost } from "./bot-host";
import { BotSandbox, DEFAULT_BUDGETS, type StopReason } from "./bot-sandbox";

export type BacktestResult = {
  pnlCents: number;
  feesCents: number;
  /** P&L at every 5-minute tick of game time. */
  series: { at: number; pnlCents: number }[];
  fills: Extract<ServerMessage, { type: "fill" }>[];
  logs: string[];
  stopped: { reason: StopReason; message: string } | null;
  /** Trades in the whole market (the bot's and the simulated retail flow's). */
  marketTrades: number;
};

const teacher: Actor = { role: "instructor", teamId: null, source: "manual" };

/**
 * Replays a game's market — the same seed gives the same prices, news and simulated retail flow, bit for bit —
 * for one session with the bot in it as its team, on the real room engine (exchange, limits, clock, simulation):
 * what the bot would have done in that market. Runs in-process at 60× (a 5.5-hour session takes a few seconds);
 * the sandbox's budgets run on the replay's clock. With a `tape`, the other teams' recorded orders and cancels are
 * replayed as those teams at their game times (with the same limits), so the bot meets the game's real liquidity.
 */
export async function runBacktest(input: {
  code: string;
  role: TeamRole;
  seed: number;
  preset: RoomSetup["preset"];
  /** Other teams' recorded orders to replay at their game times (backtest-tape.ts); none: the market alone. */
  tape?: { teams: readonly TapeTeam[]; orders: readonly TapeOrder[] };
  onProgress?: (fraction: number) => void;
}): Promise<BacktestResult | { error: string }> {
  let now = 0;
  const loaded = await BotSandbox.load(input.code, DEFAULT_BUDGETS, () => now);
  if (!loaded.ok) return { error: loaded.message };
  const engine = new RoomEngine();
  const setup: RoomSetup = {
    version: 1,
    gameId: "backtest",
    name: "Backtest",
    preset: input.preset,
    seed: input.seed,
    teams: [
      { id: "team", name: "Bot", role: input.role, apiKeyHash: null },
      ...(input.tape?.teams ?? [])
        .filter((t) => t.teamId !== "team")
        .map((t) => ({ id: t.teamId, name: t.teamId, role: t.role, apiKeyHash: null })),
    ],
  };
  const replay = new TapeReplay(input.tape?.orders ?? []);
  const actor: Actor = { role: "player", teamId: "team", source: "bot" };
  engine.handle({ type: "setup", at: 0, setup });
  const host = new BotHost(loaded.bot);
  const market = new MarketDataCoalescer();
  const result: BacktestResult = {
    pnlCents: 0,
    feesCents: 0,
    series: [],
    fills: [],
    logs: [],
    stopped: null,
    marketTrades: 0,
  };

  const toBot = (effects: RoomEffects): ServerMessage[] => {
    market.note(effects.market.msgs, effects.market.dirty);
    result.marketTrades += effects.market.msgs.filter((m) => m.type === "trade").length;
    return effects.sends
      .filter(
        (s) =>
          s.to.kind === "public" ||
          s.to.kind === "connection" ||
          // The team's frame leaves out the submitting connection (it got those messages with its results).
          (s.to.kind === "team" && s.to.teamId === "team" && s.to.except !== "bot"),
      )
      .flatMap((s) => s.msgs);
  };
  const run = (command: RoomCommand, at: number) => feed(toBot(engine.handle(command)), at);
  /** Another team's recorded order, as that team: the bot sees the public market and its own fills, nothing else. */
  const replayAs = (teamId: string, message: ClientCommand, at: number) => {
    const actorOf: Actor = { role: "player", teamId, source: "api" };
    const effects = engine.handle({
      type: "client",
      at,
      connection: `tape-${teamId}`,
      actor: actorOf,
      message,
    });
    for (const s of effects.sends) {
      if (s.to.kind !== "connection") continue;
      for (const m of s.msgs)
        if (m.type === "command_result" && m.status === "accepted" && m.cid)
          replay.accepted(m.cid, m.orderIds);
    }
    market.note(effects.market.msgs, effects.market.dirty);
    result.marketTrades += effects.market.msgs.filter((m) => m.type === "trade").length;
    feed(
      effects.sends
        .filter((s) => s.to.kind === "public" || (s.to.kind === "team" && s.to.teamId === "team"))
        .flatMap((s) => s.msgs),
      at,
    );
  };
  const feed = (msgs: ServerMessage[], at: number) => {
    for (const m of msgs) if (m.type === "fill") result.fills.push(m);
    const out = host.receive(msgs, at);
    result.logs.push(...out.logs);
    for (const message of out.commands) run({ type: "client", at, connection: "bot", actor, message }, at);
  };

  try {
    feed([engine.snapshotFor(actor, 0)], 0);
    engine.handle({
      type: "client",
      at: 0,
      connection: "i",
      actor: teacher,
      message: { type: "set_speed", cid: "s", speed: 60 },
    });
    run(
      { type: "client", at: 0, connection: "i", actor: teacher, message: { type: "start_game", cid: "g" } },
      0,
    );
    let lastTick = -1;
    for (let at = 250; engine.clockRunning; at += 250) {
      now = at;
      run({ type: "clock", at }, at);
      for (const { teamId, message } of replay.due(engine.clock(at).gameTime)) replayAs(teamId, message, at);
      const exchange = engine.exchange;
      if (exchange)
        feed(
          market.flush((i, n) => exchange.depth(i, n)),
          at,
        );
      const timer = host.tick(at);
      result.logs.push(...timer.logs);
      for (const message of timer.commands)
        run({ type: "client", at, connection: "bot", actor, message }, at);
      const clock = engine.clock(at);
      const tick = Math.floor(clock.gameTime / 300_000);
      if (tick !== lastTick) {
        lastTick = tick;
        result.series.push({
          at: clock.gameTime,
          pnlCents: exchange?.positions("team")?.pnl.totalCents ?? 0,
        });
        input.onProgress?.(Math.min(1, at / 330_000));
      }
    }
    const pnl = engine.exchange?.positions("team")?.pnl;
    result.pnlCents = pnl?.totalCents ?? 0;
    result.feesCents = pnl?.feesCents ?? 0;
    result.stopped = host.stopped;
    result.logs = result.logs.slice(-500);
    return result;
  } finally {
    loaded.bot.dispose();
  }
}
