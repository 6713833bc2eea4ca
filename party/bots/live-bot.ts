import type { QuickJSWASMModule } from "quickjs-emscripten";
import { z } from "zod";
import { MAX_BATCH, type ServerMessage, type TradingCommand } from "../core/protocol";
import { BotHost, type HostOutput } from "./bot-host";
import { type BotBudgets, BotSandbox, DEFAULT_BUDGETS } from "./bot-sandbox";
import type { BotLogLine, DeployRequest, LiveBotStatus, LiveStopReason } from "./bot-wire";

/** The part of a WebSocket the runner uses (workerd's, from a PartyKit stub; or `ws` in Node). */
export type BotSocket = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "close" | "error", listener: (event: unknown) => void): void;
};

export type LiveBotDeps = {
  deployment: DeployRequest;
  /** The QuickJS instance the bot runs in (workerd: one of its own, see quickjs-workerd.ts). */
  quickjs: () => Promise<QuickJSWASMModule>;
  /** Opens a socket to the game room as the team's bot; rejects when the room cannot be reached. */
  connect: (sid: string) => Promise<BotSocket>;
  onLog: (line: BotLogLine) => void;
  onStatus: (status: LiveBotStatus) => void;
  budgets?: BotBudgets;
};

/** The bot's `onTimer` resolution and the cadence of its status updates. */
const TICK_MS = 250;
const STATUS_EVERY_MS = 1_000;
const KEEP_LOGS = 200;
const RECONNECT_MS = [500, 1_000, 2_000, 5_000, 10_000] as const;
/** Rejections of the bot's own commands the log shows per second (the rest are counted, not shown). */
const REJECTIONS_SHOWN_PER_SECOND = 3;

/** What the room sends: `{seq, msgs}`. Only the envelope is checked; the room is ours and BotHost reads types. */
const Frame = z.object({ seq: z.number(), msgs: z.array(z.looseObject({ type: z.string() })) });

/**
 * One team's deployed bot: its QuickJS sandbox and host (the market view the bot API reads), and a socket to the
 * game room as the team (source `bot`), so its orders go through the room's pipeline and limits like anyone's.
 * A bot that breaks a budget, throws or tampers with the API is stopped with the sandbox's reason; nothing it
 * does can throw out of here, so the party serving it (and the other bots) carry on.
 */
export class LiveBot {
  readonly status: LiveBotStatus;
  readonly #logs: BotLogLine[] = [];
  readonly #sid = `bot${crypto.randomUUID().replaceAll("-", "")}`;
  #sandbox: BotSandbox | null = null;
  #host: BotHost | null = null;
  #socket: BotSocket | null = null;
  #ticker: ReturnType<typeof setInterval> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #statusOrders = 0;
  #statusAt = 0;
  #rejections = { second: 0, count: 0 };

  constructor(private readonly deps: LiveBotDeps) {
    const d = deps.deployment;
    this.status = {
      gameId: d.gameId,
      teamId: d.teamId,
      versionId: d.versionId,
      version: d.version,
      state: "starting",
      reason: null,
      message: null,
      startedAt: Date.now(),
      stoppedAt: null,
      orders: 0,
      connected: false,
    };
  }

  get logs(): readonly BotLogLine[] {
    return this.#logs;
  }

  get stopped(): boolean {
    return this.status.state === "stopped";
  }

  /** Loads the code into a fresh sandbox, then connects; a bot that does not load is stopped, not thrown. */
  async start(): Promise<void> {
    const { code, version } = this.deps.deployment;
    let loaded: Awaited<ReturnType<typeof BotSandbox.load>>;
    try {
      const quickjs = await this.deps.quickjs();
      loaded = await BotSandbox.load(code, this.deps.budgets ?? DEFAULT_BUDGETS, Date.now, quickjs);
    } catch (error) {
      console.error("bot-runner: sandbox failed to start", error);
      return this.stop("load_failed", "The bot sandbox could not start; try deploying again.");
    }
    if (this.stopped) {
      if (loaded.ok) loaded.bot.dispose();
      return;
    }
    if (!loaded.ok) return this.stop("load_failed", loaded.message);
    this.#sandbox = loaded.bot;
    this.#host = new BotHost(loaded.bot, `bot${version}`);
    this.status.state = "running";
    this.#log(`v${version} deployed; handlers: ${loaded.bot.handlers().join(", ") || "none"}`);
    this.#emitStatus();
    this.#ticker = setInterval(() => this.#guard(() => this.#tick()), TICK_MS);
    await this.#connect();
  }

  /** Stops the bot for good: sandbox freed, socket closed, reason kept for the team to see. */
  stop(reason: LiveStopReason, message: string): void {
    if (this.stopped) return;
    this.status.state = "stopped";
    this.status.reason = reason;
    this.status.message = message;
    this.status.stoppedAt = Date.now();
    this.status.connected = false;
    if (this.#ticker) clearInterval(this.#ticker);
    if (this.#retry) clearTimeout(this.#retry);
    this.#ticker = null;
    this.#retry = null;
    const socket = this.#socket;
    this.#socket = null;
    try {
      socket?.close(1000, "bot stopped");
    } catch {
      // already closed
    }
    try {
      this.#sandbox?.dispose();
    } catch (error) {
      // A heap left inconsistent by a budget stop may fail its own teardown; the instance is dropped anyway.
      console.error("bot-runner: sandbox dispose failed", error);
    }
    this.#sandbox = null;
    this.#host = null;
    this.#log(message.startsWith("Stopped") ? message : `Stopped: ${message}`);
    this.#emitStatus();
  }

  async #connect(): Promise<void> {
    if (this.stopped) return;
    let socket: BotSocket;
    try {
      socket = await this.deps.connect(this.#sid);
    } catch (error) {
      this.#log(`could not reach the game room (${(error as Error).message}); retrying`);
      return this.#reconnectLater();
    }
    if (this.stopped) {
      socket.close(1000, "bot stopped");
      return;
    }
    this.#socket = socket;
    this.#failures = 0;
    this.status.connected = true;
    this.#emitStatus();
    socket.addEventListener("message", (event) => this.#guard(() => this.#receive(event.data)));
    socket.addEventListener("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.status.connected = false;
      this.#emitStatus();
      this.#reconnectLater();
    });
    socket.addEventListener("error", () => this.#log("the connection to the game room failed"));
  }

  #reconnectLater() {
    if (this.stopped || this.#retry) return;
    const delay = RECONNECT_MS[Math.min(this.#failures++, RECONNECT_MS.length - 1)];
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.#connect();
    }, delay);
  }

  #receive(data: unknown) {
    const host = this.#host;
    if (!host || typeof data !== "string") return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const frame = Frame.safeParse(json);
    if (!frame.success) return;
    const msgs = frame.data.msgs as unknown as ServerMessage[];
    this.#noteRejections(msgs);
    this.#handle(host.receive(msgs, Date.now()));
  }

  #tick() {
    const host = this.#host;
    if (!host) return;
    this.#handle(host.tick(Date.now()));
    const now = Date.now();
    if (this.status.orders !== this.#statusOrders && now - this.#statusAt >= STATUS_EVERY_MS)
      this.#emitStatus();
  }

  #handle(out: HostOutput) {
    for (const line of out.logs) this.#log(line);
    if (out.stopped) return this.stop(out.stopped.reason, out.stopped.message);
    const socket = this.#socket;
    // Orders decided while the room is unreachable are dropped: the bot sees its real orders on reconnect.
    if (out.commands.length === 0 || !socket) return;
    this.status.orders += out.commands.length;
    for (let i = 0; i < out.commands.length; i += MAX_BATCH) {
      const commands: TradingCommand[] = out.commands.slice(i, i + MAX_BATCH);
      const first = commands[0];
      if (!first) continue;
      socket.send(
        JSON.stringify(commands.length === 1 ? first : { type: "batch", cid: `${first.cid}-b`, commands }),
      );
    }
  }

  /** The room's rejections of the bot's own commands go to its log (a few a second), so the team sees why. */
  #noteRejections(msgs: readonly ServerMessage[]) {
    const prefix = `bot${this.deps.deployment.version}-`;
    for (const m of msgs) {
      if (m.type !== "command_result" || m.status !== "rejected" || !m.cid?.startsWith(prefix)) continue;
      const second = Math.floor(Date.now() / 1_000);
      if (second !== this.#rejections.second) this.#rejections = { second, count: 0 };
      if (++this.#rejections.count <= REJECTIONS_SHOWN_PER_SECOND) {
        this.#log(`order rejected: ${m.code}: ${m.message}`);
      }
    }
  }

  /** Anything unexpected in the runner's own handling stops this bot only, with a reason the team can read. */
  #guard(run: () => void) {
    try {
      run();
    } catch (error) {
      console.error("bot-runner: bot handling failed", error);
      this.stop("crashed", "Stopped: the runner could not handle the bot's last event.");
    }
  }

  #log(line: string) {
    const entry = { at: Date.now(), line };
    this.#logs.push(entry);
    if (this.#logs.length > KEEP_LOGS) this.#logs.splice(0, this.#logs.length - KEEP_LOGS);
    this.deps.onLog(entry);
  }

  #emitStatus() {
    this.#statusOrders = this.status.orders;
    this.#statusAt = Date.now();
    this.deps.onStatus({ ...this.status });
  }
}
