import type * as Party from "partykit/server";
import { CLAIMS_HEADER, verifyRoomToken, verifyServerToken } from "./auth";
import { RoomClaims } from "./core/auth";
import { Outbox } from "./core/outbox";
import { PROTOCOL_VERSION, parseClientMessage, RoomSetup, type ServerMessage } from "./core/protocol";
import { parseRoomEnv } from "./env";
import { sessionOf } from "./session";

type ConnState = { claims: RoomClaims; sid: string };

/**
 * One room per game. A thin adapter: sockets, storage and auth live here; the rules live in `party/core`.
 * Connections must present a room token (`?token=`) minted by the Next server for this room.
 */
export default class GameRoom implements Party.Server {
  #pings = 0;
  #setup: RoomSetup | null = null;
  readonly #outbox = new Outbox<ServerMessage[]>();

  constructor(readonly room: Party.Room) {}

  static async onBeforeConnect(request: Party.Request, lobby: Party.Lobby) {
    const { ROOM_TOKEN_SECRET } = parseRoomEnv(lobby.env);
    const token = new URL(request.url).searchParams.get("token");
    const verified = await verifyRoomToken(token, ROOM_TOKEN_SECRET, lobby.id);
    if (!verified.ok) {
      return new Response(`Room token ${verified.reason.replace("_", " ")}`, { status: 401 });
    }
    request.headers.set(CLAIMS_HEADER, JSON.stringify(verified.claims));
    return request;
  }

  /**
   * HTTP: `GET …/health` for liveness checks; `POST …/setup` from the Next server (server token) with the game's
   * teams and roles. The trading API arrives with the exchange.
   */
  async onRequest(request: Party.Request) {
    const path = new URL(request.url).pathname;
    if (request.method === "GET" && path.endsWith("/health")) {
      return Response.json({
        ok: true,
        room: this.room.id,
        connected: this.#connectedCount(),
        setupVersion: this.#setup?.version ?? null,
      });
    }
    if (request.method === "POST" && path.endsWith("/setup")) return this.#acceptSetup(request);
    return Response.json({ code: "NOT_FOUND", message: "No such endpoint." }, { status: 404 });
  }

  async onStart() {
    this.#pings = (await this.room.storage.get<number>("pings")) ?? 0;
    this.#setup = (await this.room.storage.get<RoomSetup>("setup")) ?? null;
  }

  async #acceptSetup(request: Party.Request) {
    const { ROOM_TOKEN_SECRET } = parseRoomEnv(this.room.env);
    if (!(await verifyServerToken(request.headers.get("authorization"), ROOM_TOKEN_SECRET, this.room.id))) {
      return Response.json(
        { code: "AUTH_REQUIRED", message: "A server token for this room is required." },
        { status: 401 },
      );
    }
    const parsed = RoomSetup.safeParse(await request.json().catch(() => null));
    if (!parsed.success) {
      return Response.json({ code: "BAD_MESSAGE", message: "Setup not understood." }, { status: 400 });
    }
    if (this.#setup && this.#setup.version > parsed.data.version) {
      return Response.json({ ok: true, applied: false, version: this.#setup.version });
    }
    this.#setup = parsed.data;
    await this.room.storage.put("setup", parsed.data);
    return Response.json({ ok: true, applied: true, version: parsed.data.version });
  }

  onConnect(conn: Party.Connection<ConnState>, ctx: Party.ConnectionContext) {
    const claims = RoomClaims.parse(JSON.parse(ctx.request.headers.get(CLAIMS_HEADER) ?? "null"));
    const { sid, resumeFrom } = sessionOf(new URL(ctx.request.url), conn.id);
    conn.setState({ claims, sid });
    const connected = this.#connectedCount();
    const resumed = resumeFrom === null ? null : this.#outbox.resume(sid, resumeFrom, Date.now());
    if (resumed?.kind === "replay") {
      for (const frame of resumed.frames) conn.send(JSON.stringify({ seq: frame.seq, msgs: frame.body }));
    }
    this.#send(conn, [
      {
        type: "welcome",
        protocol: PROTOCOL_VERSION,
        gameId: claims.gameId,
        you: { userId: claims.sub, name: claims.name, teamId: claims.teamId, role: claims.role },
        connected,
      },
    ]);
    this.#broadcast([{ type: "presence", connected }], [conn.id]);
  }

  onClose() {
    this.#broadcast([{ type: "presence", connected: this.#connectedCount() }]);
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection<ConnState>) {
    try {
      const parsed = parseClientMessage(raw);
      if (!parsed.ok) {
        this.#send(sender, [{ type: "rejected", ...parsed.error }]);
        return;
      }
      this.#pings += 1;
      await this.room.storage.put("pings", this.#pings);
      this.#send(sender, [
        { type: "pong", cid: parsed.value.cid, serverTime: Date.now(), pings: this.#pings },
      ]);
    } catch (error) {
      console.error("game-room: message failed", error);
      this.#send(sender, [{ type: "rejected", cid: null, code: "BAD_MESSAGE", message: "Message failed." }]);
    }
  }

  #connectedCount(): number {
    return [...this.room.getConnections()].length;
  }

  /** Sends one frame: every message of one command for one recipient, stamped with its session's next seq. */
  #send(conn: Party.Connection<ConnState>, msgs: ServerMessage[]) {
    const sid = conn.state?.sid ?? conn.id;
    const frame = this.#outbox.push(sid, msgs, Date.now());
    conn.send(JSON.stringify({ seq: frame.seq, msgs }));
  }

  #broadcast(msgs: ServerMessage[], without: string[] = []) {
    for (const conn of this.room.getConnections<ConnState>()) {
      if (!without.includes(conn.id)) this.#send(conn, msgs);
    }
  }
}

GameRoom satisfies Party.Worker;
