import { describe, expect, it } from "vitest";
import { GameRecord, type ServerMessage } from "../protocol";
import type { Actor } from "./actor";
import { type RoomCommand, type RoomEffects, RoomEngine } from "./room-engine";

const setup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact" as const,
  seed: 424_242,
  teams: [
    { id: "t-mm", name: "Makers", role: "market_maker" as const, apiKeyHash: null },
    { id: "t-hf", name: "Fund", role: "hedge_fund" as const, apiKeyHash: null },
    { id: "t-arb", name: "Arbs", role: "arbitrage_desk" as const, apiKeyHash: null },
  ],
};
const teacher: Actor = { role: "instructor", teamId: null, source: "manual" };
const admin = (at: number, message: Extract<RoomCommand, { type: "client" }>["message"]): RoomCommand => ({
  type: "client",
  at,
  connection: "i",
  actor: teacher,
  message,
});

/** A journal for one fast session: start at 240×, then the room's timer every 250 ms until the close. */
function sessionJournal(): RoomCommand[] {
  const journal: RoomCommand[] = [
    { type: "setup", at: 0, setup },
    admin(0, { type: "set_speed", cid: "sp", speed: 240 }),
    admin(0, { type: "start_game", cid: "st" }),
  ];
  for (let at = 250; at <= 100_000; at += 250) journal.push({ type: "clock", at });
  return journal;
}

const messagesTo = (effects: RoomEffects[], pick: (to: RoomEffects["sends"][number]["to"]) => boolean) =>
  effects.flatMap((e) => e.sends.filter((s) => pick(s.to)).flatMap((s) => s.msgs));
const ofType = <T extends ServerMessage["type"]>(msgs: ServerMessage[], type: T) =>
  msgs.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type);

describe("RoomEngine: a simulated session on the game clock", () => {
  const journal = sessionJournal();
  const engine = new RoomEngine();
  const effects = journal.map((c) => engine.handle(c));
  const publicMsgs = messagesTo(effects, (to) => to.kind === "public");

  it("moves through the phases on game time and stops at the close", () => {
    const phases = ofType(publicMsgs, "clock").map((m) => m.clock.phase);
    const distinct = phases.filter((p, i) => p !== phases[i - 1]);
    expect(distinct).toEqual(["closed", "pre_open", "opening_auction", "continuous", "closed"]);
    expect(engine.clockRunning).toBe(false);
  });

  it("publishes moving underlying prices, and retail orders trade through the exchange", () => {
    const prices = ofType(publicMsgs, "underlying").map((m) => m.spxTicks);
    expect(prices.length).toBeGreaterThan(100);
    expect(new Set(prices).size).toBeGreaterThan(50);
    expect(Math.abs((prices.at(-1) ?? 0) - 440_000)).toBeLessThan(440_000 * 0.1);
    const trades = effects.flatMap((e) => e.market.msgs).filter((m) => m.type === "trade");
    expect(trades.length).toBeGreaterThan(5); // retail meets retail: market orders against resting limits
  });

  it("shows the instructors every team live, and nobody else", () => {
    const overview = ofType(
      messagesTo(effects, (to) => to.kind === "instructors"),
      "teams",
    );
    expect(overview.length).toBeGreaterThan(10);
    expect(overview.at(-1)?.rows.map((r) => r.name)).toEqual(["Makers", "Fund", "Arbs"]);
    expect(ofType(publicMsgs, "teams")).toEqual([]);
  });

  it("monitors compliance on game time: each team sees its own checks, scores reach the leaderboard", () => {
    const mm = ofType(
      messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-mm"),
      "compliance",
    );
    const hf = ofType(
      messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-hf"),
      "compliance",
    );
    const arb = ofType(
      messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-arb"),
      "compliance",
    );
    // The market maker never quoted: 0% coverage, not compliant. The others held nothing: compliant.
    expect(mm.at(-1)?.checks[0]).toMatchObject({
      code: "MM_QUOTE_COVERAGE",
      ok: false,
      value: "0% of options quoted",
    });
    expect(hf.at(-1)?.checks[0]).toMatchObject({ code: "HF_DELTA", ok: true, value: "Δ = 0" });
    expect(arb.at(-1)?.checks[0]).toMatchObject({ code: "ARB_PAIR_BALANCE", ok: true, value: "flat" });
    const board = ofType(publicMsgs, "leaderboard").at(-1);
    expect(board?.rows.every((r) => r.scoreBp !== null && r.scoreBp > 0 && r.scoreBp <= 10_000)).toBe(true);
    const overview = ofType(
      messagesTo(effects, (to) => to.kind === "instructors"),
      "teams",
    ).at(-1);
    expect(overview?.rows[0]?.compliance[0]?.code).toBe("MM_QUOTE_COVERAGE");
    // Reads outside commands change nothing.
    const before = engine.hash();
    engine.leaderboard();
    engine.teamsOverview();
    expect(engine.hash()).toBe(before);
  });

  it("sends signals only to their roles", () => {
    const hf = messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-hf");
    const arb = messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-arb");
    const mm = messagesTo(effects, (to) => to.kind === "team" && to.teamId === "t-mm");
    expect(ofType(hf, "signal").every((m) => m.kind === "volatility_forecast")).toBe(true);
    expect(ofType(arb, "signal").every((m) => m.kind === "tracking_error")).toBe(true);
    expect(ofType(mm, "signal")).toEqual([]);
    expect(ofType(publicMsgs, "signal")).toEqual([]);
    // The forecast says what is expected, not the hidden regime now.
    for (const m of ofType(hf, "signal"))
      expect(Object.keys(m.payload).sort()).toEqual(["confidenceBp", "horizonTicks", "predictedRegime"]);
  });

  it("numbers its game records without gaps, each valid for the server's ingest, fills paired with trades", () => {
    const records = effects.flatMap((e) => e.records ?? []);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
    for (const r of records) expect(GameRecord.safeParse(r).success).toBe(true);
    const kinds = new Set(records.map((r) => r.kind));
    for (const kind of ["trade", "fill", "order", "mark", "score"]) expect(kinds).toContain(kind);
    // The session's close records every team's P&L and score.
    expect(
      records
        .filter((r) => r.kind === "score")
        .map((r) => (r.kind === "score" ? [r.teamId, r.scope, r.session] : [])),
    ).toEqual([
      ["t-mm", "session", 1],
      ["t-hf", "session", 1],
      ["t-arb", "session", 1],
    ]);
    const trades = new Set(records.filter((r) => r.kind === "trade").map((r) => r.tradeId));
    const fills = records.filter((r) => r.kind === "fill");
    expect(fills.length).toBe(trades.size * 2);
    for (const f of fills) expect(trades).toContain(f.tradeId);
    expect(fills.every((f) => f.source === "sim")).toBe(true);
  });

  it("replays exactly: snapshot part-way plus the journal tail gives the same state hash", () => {
    const head = new RoomEngine();
    for (const c of journal.slice(0, 200)) head.handle(c);
    const restored = new RoomEngine(JSON.parse(JSON.stringify(head.snapshot())));
    for (const c of journal.slice(200)) restored.handle(c);
    expect(restored.hash()).toBe(engine.hash());
  });

  it("settles the first week's options at the close of session 2 and delists them", () => {
    const next = new RoomEngine(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(next.exchange?.listed()).toHaveLength(60);
    next.handle(admin(200_000, { type: "start_game", cid: "s2" }));
    for (let at = 200_250; at <= 300_000; at += 250) next.handle({ type: "clock", at });
    expect(next.exchange?.listed()).toHaveLength(40);
    expect(next.exchange?.listed().some((s) => s.endsWith("2024-02-15"))).toBe(false);
  });

  it("reset replays the same prices; rematch draws new ones", () => {
    const rerun = new RoomEngine(JSON.parse(JSON.stringify(engine.snapshot())));
    rerun.handle(admin(400_000, { type: "reset_game", cid: "r" }));
    rerun.handle(admin(400_000, { type: "start_game", cid: "s" }));
    const again: number[] = [];
    for (let at = 400_250; at <= 500_000; at += 250) {
      const e = rerun.handle({ type: "clock", at });
      for (const m of messagesTo([e], (to) => to.kind === "public"))
        if (m.type === "underlying") again.push(m.spxTicks);
    }
    const first = ofType(publicMsgs, "underlying").map((m) => m.spxTicks);
    expect(again).toEqual(first);
    rerun.handle(admin(600_000, { type: "rematch", cid: "m", seed: 99 }));
    rerun.handle(admin(600_000, { type: "start_game", cid: "s" }));
    const other: number[] = [];
    for (let at = 600_250; at <= 700_000; at += 250) {
      const e = rerun.handle({ type: "clock", at });
      for (const m of messagesTo([e], (to) => to.kind === "public"))
        if (m.type === "underlying") other.push(m.spxTicks);
    }
    expect(other).not.toEqual(first);
  });
});
