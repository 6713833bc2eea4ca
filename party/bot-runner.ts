import type * as Party from "partykit/server";
import { CLAIMS_HEADER, verifyRoomToken, verifyServerToken } from "./auth";
import { mintBotRoomToken } from "./bots/bot-room-token";
import { loadDeployment, loadStatus, saveDeployment, saveStatus } from "./bots/bot-store";
import {
  type BotFrame,
  type BotStatusResponse,
  DeployRequest,
  type LiveBotStatus,
  parseBotRoomName,
} from "./bots/bot-wire";
import { type BotSocket, LiveBot } from "./bots/live-bot";
import { newWorkerdQuickJS } from "./bots/quickjs-workerd";
import { roomNameFor } from "./core/auth";
import { parseRoomEnv } from "./env";

const MAX_BODY_CHARS = 256 * 1024;
/** Log lines a newly connected editor gets replayed. */
const BACKLOG_LINES = 100;

const error = (status: number, code: string, message: string) => Response.json({ code, message }, { status });

/**
 * The bots party: one room per team's live bot (`<gameId>.<teamId>`), outside the exchange room. It runs the
 * deployed version in its own QuickJS sandbox, trades as the team over a socket to the game room (source `bot`,
 * the room's own pipeline and limits), and streams the bot's status and logs to the team's editors.
 *
 * HTTP (Next server, server token for this room): `POST …/deploy` {gameId, teamId, teamName, versionId, version,
 * code}, `POST …/stop`, `GET …/status`. WebSocket (editors, a room token of this team): `bot_status`, `bot_log`.
 */
export default class BotRunner implements Party.Server {
  #bot: LiveBot | null = null;
  /** The last status of a bot that is not running here (stopped, or before a restart resumed it). */
  #saved: LiveBotStatus | null = null;
  #persisted: Pick<LiveBotStatus, "state" | "reason" | "version"> | null = null;

  constructor(readonly room: Party.Room) {}

  /** Editors: a room token of the bot's own team (any teammate), checked like the game room checks it. */
  static async onBeforeConnect(request: Party.Request, lobby: Party.Lobby) {
    const names = parseBotRoomName(lobby.id);
    if (!names) return error(404, "NOT_FOUND", "No such bot room.");
    const { ROOM_TOKEN_SECRET } = parseRoomEnv(lobby.env);
    const token = new URL(request.url).searchParams.get("token");
    const verified = await verifyRoomToken(token, ROOM_TOKEN_SECRET, roomNameFor(names.gameId));
    if (!verified.ok) return error(401, "AUTH_REQUIRED", `Room token ${verified.reason.replace("_", " ")}.`);
    if (verified.claims.teamId !== names.teamId) {
      return error(403, "NOT_YOUR_TEAM", "Only the bot's own team can watch it.");
    }
    return request;
  }

  /** A restarted room resumes the bot it was running (its `bot.state` starts empty again, and `onStart` runs). */
  async onStart() {
    this.#saved = await loadStatus(this.room.storage);
    if (this.#saved?.state === "stopped") return;
    const deployment = await loadDeployment(this.room.storage);
    if (!deployment) return;
    const bot = this.#newBot(deployment);
    await bot.start();
  }

  onConnect(conn: Party.Connection) {
    const frames: BotFrame[] = [
      { type: "bot_status", status: this.#status() },
      ...(this.#bot?.logs ?? [])
        .slice(-BACKLOG_LINES)
        .map((l): BotFrame => ({ type: "bot_log", line: l.line, at: l.at })),
    ];
    for (const frame of frames) conn.send(JSON.stringify(frame));
  }

  /** Editors only watch; whatever they send is ignored. */
  onMessage() {}

  async onRequest(request: Party.Request) {
    try {
      return await this.#route(request);
    } catch (failure) {
      console.error("bot-runner: request failed", failure);
      return error(500, "INTERNAL", "The request failed; the bot was not changed by it.");
    }
  }

  async #route(request: Party.Request) {
    const names = parseBotRoomName(this.room.id);
    if (!names) return error(404, "NOT_FOUND", "No such bot room.");
    const { ROOM_TOKEN_SECRET } = parseRoomEnv(this.room.env);
    if (!(await verifyServerToken(request.headers.get("authorization"), ROOM_TOKEN_SECRET, this.room.id))) {
      return error(401, "AUTH_REQUIRED", "A server token for this bot room is required.");
    }
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path.endsWith("/status")) return this.#answer();
    if (request.method === "POST" && path.endsWith("/stop")) {
      this.#bot?.stop("stopped_by_team", "Stopped by your team.");
      return this.#answer();
    }
    if (request.method === "POST" && path.endsWith("/deploy")) return this.#deploy(request, names);
    return error(404, "NOT_FOUND", "No such endpoint: use POST …/deploy, POST …/stop or GET …/status.");
  }

  async #deploy(request: Party.Request, names: { gameId: string; teamId: string }) {
    const text = await request.text();
    if (text.length > MAX_BODY_CHARS) return error(413, "FRAME_TOO_LARGE", "The body is over 256 KiB.");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return error(400, "BAD_MESSAGE", "The body is not valid JSON.");
    }
    const parsed = DeployRequest.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
      return error(400, "BAD_MESSAGE", `Deploy not understood${where}: ${issue?.message ?? "invalid"}.`);
    }
    const deployment = parsed.data;
    if (deployment.gameId !== names.gameId || deployment.teamId !== names.teamId) {
      return error(400, "ROOM_MISMATCH", "This bot room serves another game or team.");
    }
    await saveDeployment(this.room.storage, deployment);
    const previous = this.#bot;
    const bot = this.#newBot(deployment);
    previous?.stop("replaced", `Replaced by v${deployment.version}.`);
    await bot.start();
    return this.#answer();
  }

  #newBot(deployment: DeployRequest): LiveBot {
    const bot: LiveBot = new LiveBot({
      deployment,
      quickjs: newWorkerdQuickJS,
      connect: (sid) => this.#connectToGame(deployment, sid),
      // A replaced bot's last lines ("stopped: Replaced by v2.") still reach the editors; its status does not.
      onLog: (line) => this.#broadcast({ type: "bot_log", line: line.line, at: line.at }),
      onStatus: (status) => {
        if (this.#bot !== bot) return;
        this.#broadcast({ type: "bot_status", status });
        this.#persist(status);
      },
    });
    this.#bot = bot;
    return bot;
  }

  /**
   * A socket to the game room as the team's bot. PartyKit stubs reach the room's Durable Object directly, skipping
   * the worker's `onBeforeConnect`, so the runner does what that hook does: verifies a room token (minted here,
   * source `bot`) with the same function and hands the room the verified claims in `CLAIMS_HEADER`.
   */
  async #connectToGame(deployment: DeployRequest, sid: string): Promise<BotSocket> {
    const { ROOM_TOKEN_SECRET } = parseRoomEnv(this.room.env);
    const room = roomNameFor(deployment.gameId);
    const token = await mintBotRoomToken(deployment, ROOM_TOKEN_SECRET);
    const verified = await verifyRoomToken(token, ROOM_TOKEN_SECRET, room);
    if (!verified.ok) throw new Error(`bot room token ${verified.reason}`);
    const socket = await this.room.context.parties.main
      ?.get(room)
      .socket(`/?token=${encodeURIComponent(token)}&sid=${sid}`, {
        headers: { [CLAIMS_HEADER]: JSON.stringify(verified.claims) },
      });
    if (!socket) throw new Error("the game party is not configured");
    return socket as unknown as BotSocket;
  }

  /** Stores state changes (not every order count), so a restart resumes or explains the bot. */
  #persist(status: LiveBotStatus) {
    const last = this.#persisted;
    if (
      last &&
      last.state === status.state &&
      last.reason === status.reason &&
      last.version === status.version
    )
      return;
    this.#persisted = { state: status.state, reason: status.reason, version: status.version };
    saveStatus(this.room.storage, status).catch((failure: unknown) => {
      console.error("bot-runner: could not store the bot's status", failure);
    });
  }

  #status(): LiveBotStatus | null {
    return this.#bot ? { ...this.#bot.status } : this.#saved;
  }

  #answer() {
    const body: BotStatusResponse = { status: this.#status(), logs: [...(this.#bot?.logs ?? [])].slice(-50) };
    return Response.json(body);
  }

  #broadcast(frame: BotFrame) {
    this.room.broadcast(JSON.stringify(frame));
  }
}

BotRunner satisfies Party.Worker;
