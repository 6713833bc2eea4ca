import { describe, expect, it } from "vitest";
import { STARTER_BOTS, type StarterRole } from "../core/bot-api";
import { MarketDataCoalescer } from "../core/market-data";
import type { ServerMessage } from "../core/protocol";
import { type Actor, type RoomCommand, type RoomEffects, RoomEngine } from "../core/room-engine";
import { BotHost } from "./bot-host";
import { BotSandbox, DEFAULT_BUDGETS } from "./bot-sandbox";

const SEED = 20_261_124;
const teacher: Actor = { role: "instructor", teamId: null, source: "manual" };

/**
 * One default seeded session with one team — running its role's starter bot in the QuickJS sandbox — and the
 * simulated retail flow as the only other participants. The bot trades through the same room engine, pipeline
 * and limits as any team; its P&L at the close is what the test measures.
 */
async function session(role: StarterRole) {
  const engine = new RoomEngine();
  const setup = {
    version: 1,
    gameId: "starter",
    name: "Starter",
    preset: "compact" as const,
    seed: SEED,
    teams: [{ id: "team", name: "Bot", role, apiKeyHash: null }],
  };
  const actor: Actor = { role: "player", teamId: "team", source: "bot" };
  engine.handle({ type: "setup", at: 0, setup });
  // The sandbox's per-second budgets run on this session's clock (real time would squeeze a whole session of
  // simulated seconds into the one second this test takes).
  let now = 0;
  const loaded = await BotSandbox.load(STARTER_BOTS[role].code, DEFAULT_BUDGETS, () => now);
  if (!loaded.ok) throw new Error(loaded.message);
  const host = new BotHost(loaded.bot);
  const market = new MarketDataCoalescer();
  let trades = 0;
  const logs: string[] = [];

  /** What the bot's connection would receive from these effects. */
  const toBot = (effects: RoomEffects): ServerMessage[] => {
    market.note(effects.market.msgs, effects.market.dirty);
    return effects.sends
      .filter(
        (s) =>
          s.to.kind === "public" ||
          (s.to.kind === "team" && s.to.teamId === "team") ||
          s.to.kind === "connection",
      )
      .flatMap((s) => s.msgs);
  };
  const run = (command: RoomCommand, at: number) => {
    const effects = engine.handle(command);
    for (const m of effects.market.msgs) if (m.type === "trade") trades++;
    feed(toBot(effects), at);
  };
  const feed = (msgs: ServerMessage[], at: number) => {
    const out = host.receive(msgs, at);
    logs.push(...out.logs);
    for (const message of out.commands) run({ type: "client", at, connection: "bot", actor, message }, at);
  };

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
  for (let at = 250; engine.clockRunning; at += 250) {
    now = at;
    run({ type: "clock", at }, at);
    const exchange = engine.exchange;
    if (exchange)
      feed(
        market.flush((i, n) => exchange.depth(i, n)),
        at,
      );
    const timer = host.tick(at);
    logs.push(...timer.logs);
    for (const message of timer.commands) run({ type: "client", at, connection: "bot", actor, message }, at);
  }
  loaded.bot.dispose();
  return { pnl: engine.exchange?.positions("team")?.pnl, trades, logs, stopped: host.stopped };
}

describe("starter bots over a default seeded session with only retail flow", () => {
  for (const role of ["market_maker", "hedge_fund", "arbitrage_desk"] as const) {
    it(`${role}: runs the whole session without being stopped and does not lose money`, async () => {
      const result = await session(role);
      console.log(
        `starter ${role}: P&L ${result.pnl?.totalCents} cents, ${result.trades} trades in the market`,
      );
      expect(result.stopped).toBeNull();
      expect(result.pnl?.totalCents ?? 0).toBeGreaterThanOrEqual(0);
    }, 120_000);
  }
});
