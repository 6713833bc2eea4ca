import { DEFAULT_GAME_CONFIG, type GameRecord, type RoomSetup } from "../protocol";
import type { Actor } from "./actor";
import type { ClientCommand } from "./room-engine";
import { RoomEngine } from "./room-engine";

/** Test helpers for the room engine: a two-team game, its actors, and an engine that collects its records. */
export const TEST_SETUP: RoomSetup = {
  version: 1,
  gameId: "g",
  name: "G",
  preset: "compact",
  seed: 7,
  teams: [
    { id: "team-mm", name: "Makers", role: "market_maker", apiKeyHash: null },
    { id: "team-hf", name: "Fund", role: "hedge_fund", apiKeyHash: null },
  ],
};

export const ACTORS = {
  instructor: { role: "instructor", teamId: null, source: "manual" },
  mm: { role: "player", teamId: "team-mm", source: "manual" },
  hf: { role: "player", teamId: "team-hf", source: "manual" },
} as const satisfies Record<string, Actor>;

/**
 * A set-up engine whose commands arrive 10 real ms apart from `startAt`, with every record it writes collected.
 * `noRetail` turns the simulated retail flow off (so a quote stays in the book all session).
 */
export function recordingEngine(options: { seed?: number; startAt?: number; noRetail?: boolean } = {}) {
  const engine = new RoomEngine();
  const records: GameRecord[] = [];
  let at = options.startAt ?? 1_000;
  engine.handle({ type: "setup", at, setup: { ...TEST_SETUP, seed: options.seed ?? TEST_SETUP.seed } });
  const send = (actor: Actor, message: ClientCommand) => {
    at += 10;
    const effects = engine.handle({ type: "client", at, connection: actor.teamId ?? "i", actor, message });
    records.push(...(effects.records ?? []));
    return effects;
  };
  if (options.noRetail) {
    send(ACTORS.instructor, {
      type: "configure_game",
      cid: "config",
      config: { ...DEFAULT_GAME_CONFIG, retailOrdersPerTick: 0 },
    });
  }
  /** Starts the game and advances through the opening auction into continuous trading. */
  const toContinuous = () => {
    send(ACTORS.instructor, { type: "start_game", cid: "start" });
    send(ACTORS.instructor, { type: "advance_phase", cid: "auction" });
    send(ACTORS.instructor, { type: "advance_phase", cid: "continuous" });
  };
  return { engine, records, send, toContinuous, now: () => at };
}
