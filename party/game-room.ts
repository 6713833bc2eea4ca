import type * as Party from "partykit/server";
import { CLAIMS_HEADER, verifyRoomToken, verifyServerToken } from "./auth";
import { RoomClaims } from "./core/auth";
import { Outbox } from "./core/outbox";
import { PROTOCOL_VERSION, parseClientMessage, RoomSetup, type ServerMessage } from "./core/protocol";
import { type RoomCommand, type RoomEffects, RoomEngine, type RoomState } from "./core/room-engine";
import { parseRoomEnv } from "./env";
import { Committer } from "./room/committer";
import { DurableLog } from "./room/durable-log";
import { sessionOf } from "./session";

type ConnState = { claims: RoomClaims; sid: string };

/**
 * One room per game. A thin adapter: sockets, storage and auth live here; the rules live in `party/core`.
 * Connections must present a room token (`?token=`) minted by the Next server for this room.
 */
export default class GameRoom implements Party.Server {
  #engine = new RoomEngine();
  #snapshotSeq = 0;
  readonly #snapshotEvery: number;
  readonly #outbox = new Outbox<ServerMessage[]>();
  readonly #log: DurableLog<RoomCommand>;
  readonly #committer: Committer<RoomCommand>;

  constructor(readonly room: Party.Room) {
    this.#log = new DurableLog<RoomCommand>(room.storage);
    this.#snapshotEvery = parseRoomEnv(room.env).ROOM_SNAPSHOT_EVERY;
    this.#committer = new Committer(this.#log, (seq) => this.#maybeSnapshot(seq));
  }

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
        setupVersion: this.#engine.setup?.version ?? null,
        seq: this.#engine.seq,
        snapshotSeq: this.#snapshotSeq,
        stateHash: this.#engine.hash(),
      });
    }
    if (request.method === "POST" && path.endsWith("/setup")) return this.#acceptSetup(request);
    return Response.json({ code: "NOT_FOUND", message: "No such endpoint." }, { status: 404 });
  }

  /** Restores the newest snapshot and replays the journal after it: every acknowledged command survives a restart. */
  async onStart() {
    const { snapshot, tail } = await this.#log.load<RoomState>();
    this.#engine = new RoomEngine(snapshot?.state);
    this.#snapshotSeq = snapshot?.seq ?? 0;
    for (const { command } of tail) this.#engine.handle(command);
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
    const effects = this.#run({ type: "setup", at: Date.now(), setup: parsed.data });
    await this.#committer.settled();
    return Response.json({
      ok: true,
      applied: effects.applied,
      version: this.#engine.setup?.version ?? null,
    });
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

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection<ConnState>) {
    try {
      const parsed = parseClientMessage(raw);
      if (!parsed.ok) {
        const rejection: ServerMessage = { type: "rejected", ...parsed.error };
        this.#committer.addSendOnly(() => this.#send(sender, [rejection]));
        return;
      }
      this.#run({ type: "ping", at: Date.now(), cid: parsed.value.cid, connection: sender.id });
    } catch (error) {
      console.error("game-room: message failed", error);
      const rejection: ServerMessage = {
        type: "rejected",
        cid: null,
        code: "BAD_MESSAGE",
        message: "Message failed.",
      };
      this.#committer.addSendOnly(() => this.#send(sender, [rejection]));
    }
  }

  /** The single writer: handle synchronously, journal, then send (frames wait for the journal write). */
  #run(command: RoomCommand): RoomEffects {
    const effects = this.#engine.handle(command);
    if (!effects.applied) return effects;
    const deliver = () => {
      for (const { to, msgs } of effects.sends) {
        if (to.kind === "public") this.#broadcast(msgs);
        else if (to.kind === "connection") {
          const conn = this.room.getConnection<ConnState>(to.id);
          if (conn) this.#send(conn, msgs);
        } else {
          for (const conn of this.room.getConnections<ConnState>()) {
            if (conn.state?.claims.teamId === to.teamId) this.#send(conn, msgs);
          }
        }
      }
    };
    this.#committer.add(this.#engine.seq, command, deliver);
    return effects;
  }

  async #maybeSnapshot(seq: number) {
    if (seq - this.#snapshotSeq < this.#snapshotEvery || seq !== this.#engine.seq) return;
    await this.#log.snapshot(seq, this.#engine.snapshot());
    this.#snapshotSeq = seq;
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
