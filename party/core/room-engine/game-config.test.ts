import { describe, expect, it } from "vitest";
import { DEFAULT_SIM_CONFIG } from "../market-sim";
import { DEFAULT_GAME_CONFIG, type ServerMessage } from "../protocol";
import { DEFAULT_ROLE_LIMITS } from "../risk";
import type { Actor } from "./actor";
import { simConfigFor } from "./game-config";
import { type RoomCommand, RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 31,
  teams: [{ id: "t-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null }],
};
const teacher: Actor = { role: "instructor", teamId: null, source: "manual" };
const hf: Actor = { role: "player", teamId: "t-hf", source: "manual" };
const X = "SPX_4400_CALL_2024-02-15";
const admin = (message: Extract<RoomCommand, { type: "client" }>["message"]): RoomCommand => ({
  type: "client",
  at: 0,
  connection: "i",
  actor: teacher,
  message,
});
const resultOf = (engine: RoomEngine, command: RoomCommand) =>
  engine
    .handle(command)
    .sends[0]?.msgs.find(
      (m): m is Extract<ServerMessage, { type: "command_result" }> => m.type === "command_result",
    );

describe("game settings", () => {
  it("defaults are DECISIONS.md's, as the simulation and the risk service define them", () => {
    expect(simConfigFor(DEFAULT_GAME_CONFIG)).toEqual(DEFAULT_SIM_CONFIG);
    for (const role of ["market_maker", "hedge_fund", "arbitrage_desk"] as const) {
      expect(DEFAULT_GAME_CONFIG.limits[role]).toEqual({
        perInstrument: DEFAULT_ROLE_LIMITS[role].perInstrument,
        total: DEFAULT_ROLE_LIMITS[role].total,
      });
    }
  });

  it("the instructor tunes limits and the market before the start; after it they are locked", () => {
    const engine = new RoomEngine();
    engine.handle({ type: "setup", at: 0, setup });
    const config = {
      ...DEFAULT_GAME_CONFIG,
      retailOrdersPerTick: 0,
      limits: { ...DEFAULT_GAME_CONFIG.limits, hedge_fund: { perInstrument: 10, total: 40 } },
    };
    expect(resultOf(engine, admin({ type: "configure_game", cid: "c", config }))).toMatchObject({
      status: "accepted",
    });
    expect(engine.settings()).toEqual({ type: "settings", config, locked: false });
    engine.handle(admin({ type: "set_speed", cid: "s", speed: 240 }));
    engine.handle(admin({ type: "start_game", cid: "st" }));
    engine.handle(admin({ type: "advance_phase", cid: "a" }));
    engine.handle(admin({ type: "advance_phase", cid: "b" }));
    const order = (quantity: number): RoomCommand => ({
      type: "client",
      at: 1,
      connection: "h",
      actor: hf,
      message: {
        type: "place_order",
        cid: `q${quantity}`,
        instrument: X,
        side: "buy",
        orderType: "limit",
        price: 100,
        quantity,
        tif: "gtc",
      },
    });
    expect(resultOf(engine, order(11))).toMatchObject({ status: "rejected", code: "HF_POS_LIMIT" });
    expect(resultOf(engine, order(10))).toMatchObject({ status: "accepted" });
    expect(
      resultOf(engine, admin({ type: "configure_game", cid: "late", config: DEFAULT_GAME_CONFIG })),
    ).toMatchObject({
      status: "rejected",
      code: "SETTINGS_LOCKED",
    });
    // No retail flow: a whole session passes without a single trade.
    let trades = 0;
    for (let at = 250; at <= 100_000; at += 250) {
      trades += engine.handle({ type: "clock", at }).market.msgs.filter((m) => m.type === "trade").length;
    }
    expect(trades).toBe(0);
    expect(engine.settings()).toMatchObject({ locked: true });
  });
});
