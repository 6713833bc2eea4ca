import type * as Party from "partykit/server";
import { CLAIMS_HEADER, verifyRoomToken } from "./auth";
import { RoomClaims } from "./core/auth";
import { PROTOCOL_VERSION, parseClientMessage, type ServerMessage } from "./core/protocol";
import { parseRoomEnv } from "./env";

type ConnState = { claims: RoomClaims };

/**
 * One room per game. A thin adapter: sockets, storage and auth live here; the rules live in `party/core`.
 * Connections must present a room token (`?token=`) minted by the Next server for this room.
 */
export default class GameRoom implements Party.Server {
  #pings = 0;

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

  /** HTTP: `GET …/health` answers for liveness checks; the trading API arrives with the exchange. */
  onRequest(request: Party.Request) {
    if (request.method === "GET" && new URL(request.url).pathname.endsWith("/health")) {
      return Response.json({ ok: true, room: this.room.id, connected: this.#connectedCount() });
    }
    return Response.json({ code: "NOT_FOUND", message: "No such endpoint." }, { status: 404 });
  }

  async onStart() {
    this.#pings = (await this.room.storage.get<number>("pings")) ?? 0;
  }

  onConnect(conn: Party.Connection<ConnState>, ctx: Party.ConnectionContext) {
    const claims = RoomClaims.parse(JSON.parse(ctx.request.headers.get(CLAIMS_HEADER) ?? "null"));
    conn.setState({ claims });
    const connected = this.#connectedCount();
    this.#send(conn, {
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      gameId: claims.gameId,
      you: { userId: claims.sub, name: claims.name, teamId: claims.teamId, role: claims.role },
      connected,
    });
    this.#broadcast({ type: "presence", connected }, [conn.id]);
  }

  onClose() {
    this.#broadcast({ type: "presence", connected: this.#connectedCount() });
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection<ConnState>) {
    try {
      const parsed = parseClientMessage(raw);
      if (!parsed.ok) {
        this.#send(sender, { type: "rejected", ...parsed.error });
        return;
      }
      this.#pings += 1;
      await this.room.storage.put("pings", this.#pings);
      this.#send(sender, { type: "pong", cid: parsed.value.cid, serverTime: Date.now(), pings: this.#pings });
    } catch (error) {
      console.error("game-room: message failed", error);
      this.#send(sender, { type: "rejected", cid: null, code: "BAD_MESSAGE", message: "Message failed." });
    }
  }

  #connectedCount(): number {
    return [...this.room.getConnections()].length;
  }

  #send(conn: Party.Connection, message: ServerMessage) {
    conn.send(JSON.stringify(message));
  }

  #broadcast(message: ServerMessage, without: string[] = []) {
    this.room.broadcast(JSON.stringify(message), without);
  }
}

GameRoom satisfies Party.Worker;
