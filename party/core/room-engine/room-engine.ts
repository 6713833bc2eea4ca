import type { RoomSetup, ServerMessage } from "../protocol";
import { stateHash } from "./state-hash";

/**
 * The room's single writer. Every command that changes the room (a setup push, a ping, and — as the exchange lands
 * — every order) goes through `handle` in arrival order, synchronously; its effects say who receives what.
 * Commands and state are plain JSON, so `snapshot` + replaying the journal tail rebuilds the same state hash.
 * Time (`at`, ms) is an input, never read here.
 */
export type RoomCommand =
  | { type: "setup"; at: number; setup: RoomSetup }
  | { type: "ping"; at: number; cid: string; connection: string };

export type Recipient =
  | { kind: "public" }
  | { kind: "connection"; id: string }
  | { kind: "team"; teamId: string };
export type RoomEffects = { applied: boolean; sends: { to: Recipient; msgs: ServerMessage[] }[] };

export type RoomState = { seq: number; setup: RoomSetup | null; pings: number };

export class RoomEngine {
  #state: RoomState;

  constructor(state: RoomState = { seq: 0, setup: null, pings: 0 }) {
    this.#state = structuredClone(state);
  }

  /** Applies one command; `seq` counts applied commands (the journal key). */
  handle(command: RoomCommand): RoomEffects {
    switch (command.type) {
      case "setup": {
        if (this.#state.setup && this.#state.setup.version > command.setup.version)
          return { applied: false, sends: [] };
        this.#state = { ...this.#state, seq: this.#state.seq + 1, setup: command.setup };
        return { applied: true, sends: [] };
      }
      case "ping": {
        const pings = this.#state.pings + 1;
        this.#state = { ...this.#state, seq: this.#state.seq + 1, pings };
        const pong: ServerMessage = { type: "pong", cid: command.cid, serverTime: command.at, pings };
        return {
          applied: true,
          sends: [{ to: { kind: "connection", id: command.connection }, msgs: [pong] }],
        };
      }
    }
  }

  get seq(): number {
    return this.#state.seq;
  }

  get setup(): RoomSetup | null {
    return this.#state.setup;
  }

  snapshot(): RoomState {
    return structuredClone(this.#state);
  }

  hash(): string {
    return stateHash(this.#state);
  }
}
