import { roomNameFor } from "@/party/core/auth";
import { mintRoomToken } from "../services/room-token";
import { type BotStatus, RunningBot } from "./running-bot";

export type RunnerEnv = { PARTYKIT_URL: string; ROOM_TOKEN_SECRET: string };

/**
 * The live bot runner: the deployed bot of each team, each in its own QuickJS sandbox, each connected to its
 * game's room as its team. It runs next to the app (a Node process), outside the exchange room — QuickJS cannot
 * be compiled inside PartyKit 0.0.115's workerd build (no `.wasm` module imports, no runtime compilation). One
 * runner per app process: deploys reach the process that served them (see the README on scaling).
 */
export class BotRunner {
  readonly #bots = new Map<string, RunningBot>();

  constructor(private readonly env: RunnerEnv) {}

  /** Starts (or redeploys) a team's bot; resolves once it is loaded and connecting. */
  async deploy(input: { gameId: string; teamId: string; teamName: string; version: number; code: string }) {
    this.#bots.get(input.teamId)?.stop("Replaced by a new deploy.");
    const roomUrl = `${this.env.PARTYKIT_URL.replace(/^http/, "ws")}/parties/main/${roomNameFor(input.gameId)}`;
    const bot = new RunningBot({
      teamId: input.teamId,
      version: input.version,
      code: input.code,
      roomUrl,
      token: async () =>
        (
          await mintRoomToken(
            {
              sub: `bot:${input.teamId}`,
              name: `${input.teamName} bot v${input.version}`,
              gameId: input.gameId,
              teamId: input.teamId,
              role: "player",
              source: "bot",
            },
            this.env.ROOM_TOKEN_SECRET,
          )
        ).token,
    });
    this.#bots.set(input.teamId, bot);
    await bot.start();
    return bot.status;
  }

  stop(teamId: string): BotStatus | null {
    const bot = this.#bots.get(teamId);
    bot?.stop();
    return bot?.status ?? null;
  }

  status(teamId: string): BotStatus | null {
    return this.#bots.get(teamId)?.status ?? null;
  }

  stopAll() {
    for (const bot of this.#bots.values()) bot.stop("The runner shut down.");
  }
}

const KEY = Symbol.for("outcry.botRunner");

/** The process's runner (kept on globalThis so dev reloads do not start a second one). */
export function getBotRunner(env: RunnerEnv): BotRunner {
  const holder = globalThis as unknown as Record<symbol, BotRunner | undefined>;
  holder[KEY] ??= new BotRunner(env);
  return holder[KEY];
}
