import { z } from "zod";
import type { LogStorage } from "./durable-log";

const KEY = "bot-teams";
const Teams = z.array(z.string().min(1).max(200)).max(1_000);

/**
 * The teams whose live bot has traded in this game. A live bot runs in its own room of the bots party, which
 * resumes it when the room starts; after a restart nothing starts that room until somebody visits it. So the game
 * room remembers (in storage) which teams' bots connected, and when it starts — woken by any player, API call or
 * alarm — it wakes those bots rooms too. Waking a room whose bot was stopped does nothing.
 */
export class BotWaker {
  #teams = new Set<string>();

  constructor(
    private readonly storage: LogStorage,
    private readonly wake: (teamId: string) => Promise<void>,
  ) {}

  /** Loads the remembered teams and wakes their bots rooms (in the background: the game room does not wait). */
  async start() {
    const stored = Teams.safeParse((await this.storage.get(KEY)) ?? []);
    this.#teams = new Set(stored.success ? stored.data : []);
    for (const teamId of this.#teams) {
      this.wake(teamId).catch((failure: unknown) => {
        console.error(`game-room: could not wake the bot of team ${teamId}`, failure);
      });
    }
  }

  /** A bot of this team connected: remember the team (once). */
  note(teamId: string) {
    if (this.#teams.has(teamId)) return;
    this.#teams.add(teamId);
    this.storage.put({ [KEY]: [...this.#teams] }).catch((failure: unknown) => {
      console.error("game-room: could not remember a bot team", failure);
    });
  }

  get teams(): string[] {
    return [...this.#teams];
  }
}
