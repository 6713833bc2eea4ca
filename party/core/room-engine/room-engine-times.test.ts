import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../protocol";
import type { Actor } from "./actor";
import type { ClientCommand, RoomCommand } from "./room-engine";
import { RoomEngine } from "./room-engine";
import { ACTORS, TEST_SETUP } from "./room-engine-test-kit";

const { instructor, mm, hf } = ACTORS;
const setup = TEST_SETUP;
const X = "SPX_4400_CALL_2024-02-15";
/** Real time: an afternoon in November 2026, far from any game time (game sessions are in 2024). */
const REAL = Date.UTC(2026, 10, 24, 20, 0, 0);

const client = (actor: Actor, at: number, message: ClientCommand): RoomCommand => ({
  type: "client",
  at,
  connection: `${actor.teamId ?? "i"}-1`,
  actor,
  message,
});
const buy = (cid: string, price: number) => ({
  type: "place_order" as const,
  cid,
  instrument: X,
  side: "buy" as const,
  orderType: "limit" as const,
  price,
  quantity: 1,
  tif: "gtc" as const,
});

function running(): RoomEngine {
  const engine = new RoomEngine();
  engine.handle({ type: "setup", at: REAL, setup });
  engine.handle(client(instructor, REAL, { type: "start_game", cid: "s" }));
  engine.handle(client(instructor, REAL, { type: "advance_phase", cid: "a1" }));
  engine.handle(client(instructor, REAL, { type: "advance_phase", cid: "a2" }));
  return engine;
}

function messages(effects: ReturnType<RoomEngine["handle"]>): ServerMessage[] {
  return [...effects.sends.flatMap((s) => s.msgs), ...effects.market.msgs];
}

describe("RoomEngine: time stamps", () => {
  it("stamps traders' orders, fills and trades with game time, like the simulated flow's", () => {
    const engine = running();
    const gameMs = engine.clock(REAL).gameTime;
    expect(new Date(gameMs).getUTCFullYear()).toBe(2024);
    engine.handle(
      client(mm, REAL + 10, {
        type: "quote",
        cid: "q",
        instrument: X,
        bid: { price: 2540, quantity: 10 },
        ask: { price: 2560, quantity: 10 },
      }),
    );
    const lift = messages(engine.handle(client(hf, REAL + 20, buy("b", 2560))));
    const stamped = lift.filter((m) => m.type === "fill" || m.type === "trade");
    // Both sides' fills (each to its team) and the public print.
    expect(new Set(stamped.map((m) => m.type))).toEqual(new Set(["fill", "trade"]));
    expect(new Set(stamped.map((m) => (m.type === "fill" ? m.liquidity : "print")))).toEqual(
      new Set(["maker", "taker", "print"]),
    );
    for (const m of stamped) if ("at" in m) expect(m.at).toBe(gameMs);
    const resting = messages(engine.handle(client(hf, REAL + 30, buy("r", 100))));
    const ack = resting.find((m) => m.type === "order_resting");
    expect(ack?.type === "order_resting" ? ack.order.at : null).toBe(gameMs);
  });

  it("counts the rate limit in real time, not game time", () => {
    const engine = running();
    // Within one real second the bucket runs dry, however fast the game clock runs.
    const codes: string[] = [];
    for (let i = 0; i < 60; i++) {
      const result = messages(engine.handle(client(hf, REAL + 100 + i, buy(`c${i}`, 100 + i)))).find(
        (m) => m.type === "command_result",
      );
      codes.push(result?.type === "command_result" && result.status === "rejected" ? result.code : "ok");
    }
    expect(codes).toContain("RATE_LIMIT");
    const firstRefused = codes.indexOf("RATE_LIMIT");
    // A real minute later the bucket is full again.
    const later = messages(engine.handle(client(hf, REAL + 60_000, buy("later", 99)))).find(
      (m) => m.type === "command_result",
    );
    expect(later).toMatchObject({ status: "accepted" });
    expect(firstRefused).toBeGreaterThan(0);
  });
});
