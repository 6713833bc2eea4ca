import type * as Party from "partykit/server";
import { CLAIMS_HEADER, verifyRoomToken, verifyServerToken } from "./auth";
import { mintBotServerToken } from "./bots/bot-server-token";
import { botRoomNameFor } from "./bots/bot-wire";
import { RoomClaims } from "./core/auth";
import { MarketDataCoalescer } from "./core/market-data";
import { Outbox } from "./core/outbox";
import {
  PROTOCOL_VERSION,
  parseClientMessage,
  RoomSetup,
  type ServerMessage,
  type Subscribe,
} from "./core/protocol";
import {
  type Actor,
  type RoomCommand,
  type RoomEffects,
  RoomEngine,
  type RoomState,
} from "./core/room-engine";
import { parseRoomEnv } from "./env";
import { ApiCommand, apiActor, apiError, apiRoute } from "./http-api";
import { BotWaker } from "./room/bot-waker";
import { Committer } from "./room/committer";
import { DurableLog } from "./room/durable-log";
import { RecordShipper } from "./room/record-shipper";
import { httpShipBatch } from "./room/record-shipper-http";
import { sessionOf } from "./session";

/** `books`: the instruments whose depth updates this connection wants, or null for all of them. */
type ConnState = { claims: RoomClaims; sid: string; books: string[] | null };

/** Public market data goes out at most this often (20 Hz), whatever the order rate. */
const MARKET_DATA_INTERVAL_MS = 50;
/** The game clock's timer: each firing moves the clock to real time (the engine derives game time; no drift). */
const CLOCK_INTERVAL_MS = 250;
/** While a session runs, a storage alarm wakes an evicted room so its clock keeps going. */
const KEEPALIVE_MS = 10_000;

const actorOf = (claims: RoomClaims): Actor => ({
  role: claims.role,
  teamId: claims.teamId,
  source: claims.source,
});

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
  readonly #records: RecordShipper;
  readonly #bots: BotWaker;
  #market = new MarketDataCoalescer();
  #marketTimer: ReturnType<typeof setTimeout> | null = null;
  #clockTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly room: Party.Room) {
    this.#log = new DurableLog<RoomCommand>(room.storage);
    this.#snapshotEvery = parseRoomEnv(room.env).ROOM_SNAPSHOT_EVERY;
    this.#committer = new Committer(this.#log, (seq) => this.#maybeSnapshot(seq));
    const env = parseRoomEnv(room.env);
    const gameId = () => this.#engine.setup?.gameId;
    this.#records = new RecordShipper(
      room.storage,
      env.RECORDS_URL ? httpShipBatch({ url: env.RECORDS_URL, secret: env.ROOM_TOKEN_SECRET, gameId }) : null,
    );
    this.#bots = new BotWaker(room.storage, (teamId) => this.#wakeBot(teamId, env.ROOM_TOKEN_SECRET));
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
   * teams and roles; `…/api/*` for external bots with a team API key (see http-api.ts).
   */
  async onRequest(request: Party.Request) {
    try {
      return await this.#route(request);
    } catch (error) {
      console.error("game-room: request failed", error);
      return apiError(500, "INTERNAL", "The request failed; nothing was changed by it.");
    }
  }

  async #route(request: Party.Request) {
    const url = new URL(request.url);
    const path = url.pathname;
    const api = apiRoute(request.method, url);
    if (api) return this.#api(api, request);
    if (request.method === "GET" && path.endsWith("/health")) {
      await this.#committer.settled();
      return Response.json({
        ok: true,
        room: this.room.id,
        connected: this.#connectedCount(),
        setupVersion: this.#engine.setup?.version ?? null,
        seq: this.#engine.seq,
        snapshotSeq: this.#snapshotSeq,
        stateHash: this.#engine.hash(),
        records: this.#records.stats(),
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
    await this.#records.start();
    // Replaying the tail regenerates its records with the same seq; the outbox keeps those not yet shipped.
    for (const { command } of tail) this.#records.add(this.#engine.handle(command).records);
    this.#primeMarketData();
    // Timers and (in dev) alarms do not survive a restart: re-arm the clock from the restored state.
    this.#armClock();
    // Nor do the teams' live bots (rooms of the bots party): wake the ones that traded here.
    await this.#bots.start();
  }

  /** Starts a team's bots room (any authorised request does); it resumes the bot it was running, if any. */
  async #wakeBot(teamId: string, secret: string) {
    const gameId = this.#engine.setup?.gameId;
    const bots = this.room.context.parties.bots;
    if (!gameId || !bots) return;
    const name = botRoomNameFor(gameId, teamId);
    const authorization = `Bearer ${await mintBotServerToken(name, secret)}`;
    await bots.get(name).fetch("/status", { headers: { authorization } });
  }

  /** The storage alarm: a woken room moves its clock and re-arms its timer. */
  async onAlarm() {
    if (!this.#engine.clockRunning) return;
    this.#run({ type: "clock", at: Date.now() });
    this.#armClock();
    await this.room.storage.setAlarm(Date.now() + KEEPALIVE_MS);
  }

  #armClock() {
    if (!this.#engine.clockRunning || this.#clockTimer !== null) return;
    // The next firing is planned from the intended time, so a slow turn does not push later ones back.
    let due = Date.now() + CLOCK_INTERVAL_MS;
    const fire = () => {
      this.#clockTimer = null;
      try {
        this.#run({ type: "clock", at: Date.now() });
      } catch (error) {
        console.error("game-room: clock tick failed", error);
      }
      if (!this.#engine.clockRunning) return;
      due += CLOCK_INTERVAL_MS;
      this.#clockTimer = setTimeout(fire, Math.max(0, due - Date.now()));
    };
    this.#clockTimer = setTimeout(fire, CLOCK_INTERVAL_MS);
    this.room.storage.setAlarm(Date.now() + KEEPALIVE_MS).catch((error: unknown) => {
      console.error("game-room: could not set the keep-alive alarm", error);
    });
  }

  /** Publishes nothing, but records the current books as the base later deltas apply to. */
  #primeMarketData() {
    this.#market = new MarketDataCoalescer();
    const exchange = this.#engine.exchange;
    if (!exchange) return;
    this.#market.note([], exchange.listed());
    this.#market.flush((instrument, levels) => exchange.depth(instrument, levels));
  }

  async #api(route: NonNullable<ReturnType<typeof apiRoute>>, request: Party.Request) {
    const actor = await apiActor(request.headers.get("x-api-key"), this.#engine.setup?.teams ?? []);
    if (!actor?.teamId)
      return apiError(401, "AUTH_REQUIRED", "A valid team API key is required (X-API-Key).");
    const exchange = this.#engine.exchange;
    switch (route.kind) {
      case "orders":
        return Response.json({ orders: exchange?.openOrders(actor.teamId) ?? [] });
      case "positions":
        return Response.json(exchange?.positions(actor.teamId) ?? { positions: [], pnl: null });
      case "book": {
        if (!exchange?.listed().includes(route.instrument))
          return apiError(
            404,
            "INVALID_INSTRUMENT",
            `${route.instrument || "(none)"} is not a listed option.`,
          );
        return Response.json({ instrument: route.instrument, ...exchange.depth(route.instrument, 10) });
      }
      case "command": {
        const text = await request.text();
        if (text.length > MAX_API_BODY) return apiError(413, "FRAME_TOO_LARGE", "The body is over 64 KiB.");
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return apiError(400, "BAD_MESSAGE", "The body is not valid JSON.");
        }
        const parsed = ApiCommand.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
          return apiError(
            400,
            "BAD_MESSAGE",
            `Command not understood${where}: ${issue?.message ?? "invalid"}.`,
          );
        }
        const effects = this.#run({
          type: "client",
          at: Date.now(),
          connection: null,
          actor,
          message: parsed.data,
        });
        await this.#committer.settled();
        const own = effects.sends.filter((s) => s.to.kind === "team" && s.to.teamId === actor.teamId);
        return Response.json({ results: effects.results ?? [], events: own.flatMap((s) => s.msgs) });
      }
      default:
        return apiError(404, "NOT_FOUND", "No such API endpoint.");
    }
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
    conn.setState({ claims, sid, books: null });
    if (claims.source === "bot" && claims.teamId) this.#bots.note(claims.teamId);
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
      this.#snapshotFor(claims),
      this.#engine.leaderboard(),
      this.#engine.settings(),
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
      const message = parsed.value;
      const claims = sender.state?.claims;
      if (message.type === "subscribe") {
        this.#subscribe(sender, message);
        return;
      }
      if (message.type === "ping" || !claims) {
        this.#run({ type: "ping", at: Date.now(), cid: message.cid, connection: sender.id });
      } else {
        this.#run({ type: "client", at: Date.now(), connection: sender.id, actor: actorOf(claims), message });
      }
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
        else if (to.kind === "instructors") {
          for (const conn of this.room.getConnections<ConnState>()) {
            if (conn.state?.claims.role === "instructor") this.#send(conn, msgs);
          }
        } else if (to.kind === "connection") {
          const conn = this.room.getConnection<ConnState>(to.id);
          if (conn) this.#send(conn, msgs);
        } else {
          for (const conn of this.room.getConnections<ConnState>()) {
            if (conn.state?.claims.teamId === to.teamId && conn.id !== to.except) this.#send(conn, msgs);
          }
        }
      }
      if (effects.reset) {
        this.#primeMarketData();
        for (const conn of this.room.getConnections<ConnState>()) {
          if (conn.state) this.#send(conn, [this.#snapshotFor(conn.state.claims)]);
        }
      }
    };
    this.#committer.add(this.#engine.seq, command, deliver);
    // Records ship once their command is journalled (a record of a command lost in a crash must never ship).
    if (effects.records) this.#committer.addSendOnly(() => this.#records.add(effects.records));
    if (command.type === "client") this.#armClock();
    if (effects.market.msgs.length > 0 || effects.market.dirty.length > 0) {
      this.#market.note(effects.market.msgs, effects.market.dirty);
      this.#scheduleMarketData();
    }
    return effects;
  }

  /** At most one market-data batch per interval; it leaves after the journal writes of the commands it shows. */
  #scheduleMarketData() {
    if (this.#marketTimer !== null) return;
    this.#marketTimer = setTimeout(() => {
      this.#marketTimer = null;
      const exchange = this.#engine.exchange;
      if (!exchange) return;
      const msgs = this.#market.flush((instrument, levels) => exchange.depth(instrument, levels));
      // Standings move with trades (and marks); recomputing them costs one P&L view per team.
      if (msgs.some((m) => m.type === "trade")) msgs.push(this.#engine.leaderboard());
      if (msgs.length > 0) this.#committer.addSendOnly(() => this.#broadcastMarket(msgs));
    }, MARKET_DATA_INTERVAL_MS);
  }

  #snapshotFor(claims: RoomClaims): ServerMessage {
    // Books as last published, so the deltas still on their way apply cleanly on top.
    return this.#engine.snapshotFor(actorOf(claims), Date.now(), (instrument) =>
      this.#market.published(instrument),
    );
  }

  async #maybeSnapshot(seq: number) {
    if (seq - this.#snapshotSeq < this.#snapshotEvery || seq !== this.#engine.seq) return;
    // The snapshot lets the journal go: records of those commands must be in storage first.
    await this.#records.persist();
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

  /** A depth subscription: transport state of this connection only, so it is not journalled. */
  #subscribe(conn: Party.Connection<ConnState>, message: Subscribe) {
    const state = conn.state;
    if (!state) return;
    const listed = new Set(this.#engine.exchange?.listed() ?? []);
    const unknown = message.books === "all" ? [] : message.books.filter((b) => !listed.has(b));
    if (unknown.length > 0) {
      const rejection: ServerMessage = {
        type: "command_result",
        cid: message.cid,
        status: "rejected",
        code: "INVALID_INSTRUMENT",
        message: `Not listed: ${unknown.slice(0, 3).join(", ")}${unknown.length > 3 ? ", …" : ""}.`,
      };
      this.#committer.addSendOnly(() => this.#send(conn, [rejection]));
      return;
    }
    const before = state.books === null ? null : new Set(state.books);
    const books = message.books === "all" ? null : [...new Set(message.books)];
    conn.setState({ ...state, books });
    const added = (books ?? [...listed]).filter((b) => before !== null && !before.has(b));
    const msgs: ServerMessage[] = [
      { type: "command_result", cid: message.cid, status: "accepted", orderIds: [] },
      ...added.map((instrument): ServerMessage => {
        const { bids, asks } = this.#market.published(instrument);
        return { type: "book_snapshot", instrument, bids: [...bids], asks: [...asks] };
      }),
    ];
    this.#committer.addSendOnly(() => this.#send(conn, msgs));
  }

  /** Market data to everyone, each connection's depth updates filtered by its subscription. */
  #broadcastMarket(msgs: ServerMessage[]) {
    for (const conn of this.room.getConnections<ConnState>()) {
      const books = conn.state?.books;
      if (!books) {
        this.#send(conn, msgs);
        continue;
      }
      const wanted = msgs.filter(
        (m) => (m.type !== "book_delta" && m.type !== "book_snapshot") || books.includes(m.instrument),
      );
      if (wanted.length > 0) this.#send(conn, wanted);
    }
  }

  #broadcast(msgs: ServerMessage[], without: string[] = []) {
    for (const conn of this.room.getConnections<ConnState>()) {
      if (!without.includes(conn.id)) this.#send(conn, msgs);
    }
  }
}

const MAX_API_BODY = 64 * 1024;

GameRoom satisfies Party.Worker;
