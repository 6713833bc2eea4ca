import WebSocket from "ws";
import { BotHost } from "@/party/bots/bot-host";
import { BotSandbox, DEFAULT_BUDGETS, type StopReason } from "@/party/bots/bot-sandbox";
import type { ServerFrame, TradingCommand } from "@/party/core/protocol";

export type BotState = "starting" | "running" | "stopped";
export type BotStatus = {
  teamId: string;
  version: number;
  state: BotState;
  /** Why it stopped: a budget, a crash, the team's Stop, or a failure to load. */
  reason: StopReason | "stopped_by_team" | "load_failed" | null;
  message: string | null;
  startedAt: number;
  orders: number;
  logs: { at: number; line: string }[];
};

const KEEP_LOGS = 200;
const TICK_MS = 250;
const MAX_BATCH = 50;

/**
 * One deployed bot: its QuickJS sandbox and host, and a WebSocket to its game's room as its team (source `bot`),
 * so its orders go through the same pipeline and limits as the team's screen. Reconnects with a fresh token; a
 * bot that breaks a budget is stopped with the reason and disconnected; nothing it does reaches this process.
 */
export class RunningBot {
  readonly status: BotStatus;
  #socket: WebSocket | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #sandbox: BotSandbox | null = null;
  #host: BotHost | null = null;
  #closed = false;

  constructor(
    private readonly options: {
      teamId: string;
      version: number;
      code: string;
      /** ws://host/parties/main/game-<id> */
      roomUrl: string;
      /** A fresh room token for the team's bot, on every (re)connect. */
      token: () => Promise<string>;
    },
  ) {
    this.status = {
      teamId: options.teamId,
      version: options.version,
      state: "starting",
      reason: null,
      message: null,
      startedAt: Date.now(),
      orders: 0,
      logs: [],
    };
  }

  async start(): Promise<void> {
    const loaded = await BotSandbox.load(this.options.code, DEFAULT_BUDGETS);
    if (!loaded.ok) return this.#stop("load_failed", loaded.message);
    this.#sandbox = loaded.bot;
    this.#host = new BotHost(loaded.bot, `bot${this.options.version}`);
    this.status.state = "running";
    this.#log(`version ${this.options.version} deployed`);
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    await this.#connect();
  }

  stop(message = "Stopped by the team.") {
    this.#stop("stopped_by_team", message);
  }

  async #connect() {
    if (this.#closed) return;
    const sid = `bot-${this.options.teamId}`
      .replace(/[^A-Za-z0-9_-]/g, "")
      .slice(0, 60)
      .padEnd(8, "x");
    const socket = new WebSocket(
      `${this.options.roomUrl}?token=${encodeURIComponent(await this.options.token())}&sid=${sid}`,
    );
    this.#socket = socket;
    socket.on("message", (data) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(data)) as ServerFrame;
      } catch {
        return;
      }
      const host = this.#host;
      if (!host || this.#closed) return;
      this.#handle(host.receive(frame.msgs, Date.now()));
    });
    socket.on("close", () => {
      if (!this.#closed) setTimeout(() => void this.#connect(), 1_000);
    });
    socket.on("error", (error) => this.#log(`connection: ${error.message}`));
  }

  #tick() {
    const host = this.#host;
    if (!host || this.#closed) return;
    this.#handle(host.tick(Date.now()));
  }

  #handle(out: ReturnType<BotHost["tick"]>) {
    for (const line of out.logs) this.#log(line);
    if (out.stopped) return this.#stop(out.stopped.reason, out.stopped.message);
    if (out.commands.length === 0) return;
    this.status.orders += out.commands.length;
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    for (let i = 0; i < out.commands.length; i += MAX_BATCH) {
      const commands: TradingCommand[] = out.commands.slice(i, i + MAX_BATCH);
      const message =
        commands.length === 1 ? commands[0] : { type: "batch", cid: `${commands[0]?.cid}-batch`, commands };
      socket.send(JSON.stringify(message));
    }
  }

  #stop(reason: NonNullable<BotStatus["reason"]>, message: string) {
    if (this.#closed) return;
    this.#closed = true;
    this.status.state = "stopped";
    this.status.reason = reason;
    this.status.message = message;
    this.#log(`stopped: ${message}`);
    if (this.#timer) clearInterval(this.#timer);
    this.#socket?.close();
    this.#sandbox?.dispose();
    this.#sandbox = null;
    this.#host = null;
  }

  #log(line: string) {
    this.status.logs.push({ at: Date.now(), line });
    if (this.status.logs.length > KEEP_LOGS) this.status.logs.splice(0, this.status.logs.length - KEEP_LOGS);
  }
}
