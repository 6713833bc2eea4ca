import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import type { ClientCommand, RoomCommand } from "./room-engine";
import { RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 7,
  teams: [
    { id: "team-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: null },
    { id: "team-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null },
  ],
};
const X = "SPX_4400_CALL_2024-02-15";
const instructor: Actor = { role: "instructor", teamId: null, source: "manual" };
const mm: Actor = { role: "player", teamId: "team-mm", source: "manual" };
const hf: Actor = { role: "player", teamId: "team-hf", source: "manual" };

let at = 1_000;
const later = () => {
  at += 10;
  return at;
};
const client = (actor: Actor, message: ClientCommand, connection = "conn"): RoomCommand => ({
  type: "client",
  at: later(),
  connection,
  actor,
  message,
});

function running(): RoomEngine {
  const engine = new RoomEngine();
  engine.handle({ type: "setup", at: 0, setup });
  engine.handle(client(instructor, { type: "start_game", cid: "s" }, "i"));
  engine.handle(client(instructor, { type: "advance_phase", cid: "a1" }, "i")); // auction
  engine.handle(client(instructor, { type: "advance_phase", cid: "a2" }, "i")); // continuous
  return engine;
}

describe("RoomEngine: trading through the exchange", () => {
  it("lists the compact chain and runs the instructor's phases", () => {
    const engine = running();
    expect(engine.exchange?.listed()).toHaveLength(60);
    expect(engine.exchange?.phase).toBe("continuous");
    expect(engine.snapshotFor(mm, 0)).toMatchObject({ type: "snapshot", clock: { phase: "continuous" } });
  });

  it("routes one frame per recipient: result + own events to the submitter, events to the team, tape to the coalescer", () => {
    const engine = running();
    engine.handle(
      client(
        mm,
        {
          type: "quote",
          cid: "q1",
          instrument: X,
          bid: { price: 2540, quantity: 20 },
          ask: { price: 2560, quantity: 20 },
        },
        "mm-1",
      ),
    );
    const lift = engine.handle(
      client(
        hf,
        {
          type: "place_order",
          cid: "b1",
          instrument: X,
          side: "buy",
          orderType: "limit",
          price: 2560,
          quantity: 5,
          tif: "gtc",
        },
        "hf-1",
      ),
    );
    const toHf = lift.sends.find((s) => s.to.kind === "connection");
    expect(toHf?.to).toEqual({ kind: "connection", id: "hf-1" });
    expect(toHf?.msgs.map((m) => m.type)).toEqual(["command_result", "fill", "position"]);
    expect(lift.sends.find((s) => s.to.kind === "team" && s.to.teamId === "team-hf")?.to).toEqual({
      kind: "team",
      teamId: "team-hf",
      except: "hf-1",
    });
    const toMm = lift.sends.find((s) => s.to.kind === "team" && s.to.teamId === "team-mm");
    expect(toMm?.msgs.map((m) => m.type)).toEqual(["fill", "position"]);
    expect(toMm?.to).toEqual({ kind: "team", teamId: "team-mm", except: null });
    expect(lift.market.msgs.map((m) => m.type)).toEqual(["trade"]);
    expect(lift.market.dirty).toEqual([X]);
    expect(JSON.stringify(lift.sends)).not.toContain("retail");
  });

  it("authorisation matrix: the team comes from the actor; viewers, instructors and team-less players cannot trade", () => {
    const engine = running();
    const order = {
      type: "place_order" as const,
      cid: "x",
      instrument: X,
      side: "buy" as const,
      orderType: "limit" as const,
      price: 100,
      quantity: 1,
      tif: "gtc" as const,
    };
    const code = (actor: Actor, message: ClientCommand) => {
      const result = engine.handle(client(actor, message)).sends[0]?.msgs[0];
      return result?.type === "command_result" && result.status === "rejected" ? result.code : "accepted";
    };
    expect(code({ role: "viewer", teamId: null, source: "manual" }, order)).toBe("READ_ONLY");
    expect(code(instructor, order)).toBe("NOT_A_TRADER");
    expect(code({ role: "player", teamId: null, source: "manual" }, order)).toBe("NO_TEAM");
    expect(code({ role: "player", teamId: "team-zz", source: "manual" }, order)).toBe("UNKNOWN_ACCOUNT");
    expect(code(hf, order)).toBe("accepted");
    for (const admin of [
      { type: "pause" as const, cid: "p" },
      { type: "end_game" as const, cid: "e" },
      { type: "reset_game" as const, cid: "r" },
    ]) {
      expect(code(hf, admin)).toBe("FORBIDDEN");
      expect(code({ role: "viewer", teamId: null, source: "manual" }, admin)).toBe("FORBIDDEN");
    }
    expect(engine.exchange?.phase).toBe("continuous");
  });

  it("a batch is one command: all results in one frame", () => {
    const engine = running();
    const place = (cid: string, price: number) => ({
      type: "place_order" as const,
      cid,
      instrument: X,
      side: "sell" as const,
      orderType: "limit" as const,
      price,
      quantity: 1,
      tif: "gtc" as const,
    });
    const batch = engine.handle(
      client(
        hf,
        {
          type: "batch",
          cid: "b",
          commands: [place("1", 3000), place("2", 3001), { ...place("3", 3002), quantity: 501 }],
        },
        "hf-1",
      ),
    );
    const frame = batch.sends.filter((s) => s.to.kind === "connection");
    expect(frame).toHaveLength(1);
    const results = frame[0]?.msgs.filter((m) => m.type === "command_result");
    expect(results?.map((r) => (r.type === "command_result" ? r.status : ""))).toEqual([
      "accepted",
      "accepted",
      "rejected",
    ]);
  });

  it("pause and resume; reset rebuilds the market and keeps the journal replayable", () => {
    const journal: RoomCommand[] = [
      { type: "setup", at: 0, setup },
      client(instructor, { type: "start_game", cid: "s" }, "i"),
      client(hf, {
        type: "place_order",
        cid: "1",
        instrument: X,
        side: "buy",
        orderType: "limit",
        price: 2500,
        quantity: 10,
        tif: "gtc",
      }),
      client(mm, {
        type: "place_order",
        cid: "2",
        instrument: X,
        side: "sell",
        orderType: "limit",
        price: 2490,
        quantity: 4,
        tif: "gtc",
      }),
      client(instructor, { type: "advance_phase", cid: "a" }, "i"),
      client(instructor, { type: "advance_phase", cid: "b" }, "i"),
      client(instructor, { type: "pause", cid: "p" }, "i"),
      client(hf, {
        type: "place_order",
        cid: "3",
        instrument: X,
        side: "buy",
        orderType: "market",
        quantity: 1,
        tif: "ioc",
      }),
      client(instructor, { type: "resume", cid: "r" }, "i"),
    ];
    const live = new RoomEngine();
    const effects = journal.map((c) => live.handle(c));
    expect(live.exchange?.positions("team-hf")?.positions[0]).toMatchObject({ position: 4 });
    const paused = effects[7]?.sends[0]?.msgs[0];
    expect(paused).toMatchObject({ status: "rejected", code: "PHASE_NOT_ALLOWED" });
    expect(live.exchange?.phase).toBe("continuous");

    const replayed = new RoomEngine();
    for (const c of journal.slice(0, 4)) replayed.handle(c);
    const restored = new RoomEngine(JSON.parse(JSON.stringify(replayed.snapshot())));
    for (const c of journal.slice(4)) restored.handle(c);
    expect(restored.hash()).toBe(live.hash());

    const reset = live.handle(client(instructor, { type: "reset_game", cid: "z" }, "i"));
    expect(reset).toMatchObject({ reset: true });
    expect(live.exchange?.positions("team-hf")?.positions).toEqual([]);
    expect(live.exchange?.phase).toBe("closed");
  });
});
