import {
  ComplianceMonitor,
  type ComplianceRole,
  type ComplianceState,
  portfolioSample,
  quotedInstruments,
} from "../compliance";
import type { Exchange, ExchangeEffects } from "../exchange";
import {
  type ClockEvent,
  type ClockState,
  GameClock,
  initialClock,
  OPEN_MS,
  secondsToExpiry,
  sessionDay,
} from "../game-clock";
import type {
  AdminCommand,
  Batch,
  ClockView,
  GameConfig,
  GameRecord,
  RoomSetup,
  ServerMessage,
  TradePrint,
  TradingCommand,
} from "../protocol";
import { DEFAULT_GAME_CONFIG } from "../protocol";
import { compositeScores as scoreRows } from "../scoring";
import { type Actor, adminRefusal, tradingRefusal } from "./actor";
import { simConfigFor } from "./game-config";
import { marketFor, openTeams } from "./game-market";
import { GameRecorder } from "./game-records";
import { kpiViews, liveKpis } from "./live-kpis";
import { type DriverState, initialDriver, MarketDriver } from "./market-driver";
import { type DepthOf, snapshotFor } from "./snapshot-view";
import { stateHash } from "./state-hash";
import { toExchangeCommand } from "./trading-commands";

/**
 * The room's single writer. Every command that changes the room — a setup push, a ping, a trader's order or batch,
 * an instructor's command — goes through `handle` in arrival order, synchronously; its effects say who receives
 * what. Commands and state are plain JSON, so `snapshot` + replaying the journal tail rebuilds the same state hash.
 * Time (`at`, ms) is an input, never read here.
 */
export type ClientCommand = TradingCommand | Batch | AdminCommand;

export type RoomCommand =
  | { type: "setup"; at: number; setup: RoomSetup }
  | { type: "ping"; at: number; cid: string; connection: string }
  | { type: "client"; at: number; connection: string | null; actor: Actor; message: ClientCommand }
  /** The room's timer: moves the game clock to real time `at` (prices, retail flow, phases follow). */
  | { type: "clock"; at: number };

export type Recipient =
  | { kind: "public" }
  | { kind: "connection"; id: string }
  /** Every connection of a team, except the submitting one (which got these messages in its own frame). */
  | { kind: "team"; teamId: string; except?: string | null }
  /** Every instructor connection (they see everything). */
  | { kind: "instructors" };

export type RoomEffects = {
  applied: boolean;
  sends: { to: Recipient; msgs: ServerMessage[] }[];
  /** Public market data for the coalescer: trades, indicative prices, and the books that changed. */
  market: { msgs: ServerMessage[]; dirty: string[] };
  /** The market was rebuilt (reset/rematch): every connection needs a fresh snapshot. */
  reset?: boolean;
  /** The answers to the submitter (also inside its connection's frame when it has one). */
  results?: ServerMessage[];
  /** Durable game records this command produced, numbered by `seq` (the room ships them to the server). */
  records?: GameRecord[];
};

export type GameStatus = "lobby" | "running" | "ended";

export type RoomState = {
  seq: number;
  setup: RoomSetup | null;
  pings: number;
  exchange: ReturnType<Exchange["snapshot"]> | null;
  /** `origin`: what began the current run (absent in rooms saved before runs were recorded: a first start). */
  game: {
    status: GameStatus;
    generation: number;
    seed: number | null;
    origin?: "start" | "reset" | "rematch";
    /** True once the current run's `run` record is written (at its first start). */
    recorded?: boolean;
  };
  clock: ClockState;
  driver: DriverState | null;
  /** Real second (÷ 2) of the last periodic broadcast, so replays broadcast at the same commands. */
  lastRefresh: number;
  /** The seq of the next game record. */
  recordSeq: number;
  compliance: ComplianceState;
  /** The instructor's settings (retail intensity, signal accuracy, volatility, limits). */
  config: GameConfig;
  /** The most recent trades, for the snapshot a client gets on connect. */
  tape: TradePrint[];
  /**
   * Running figures of the live role KPIs (live-kpis.ts): contracts traded per team and in the market, and each
   * team's P&L at every session close. Absent in rooms saved before the KPIs: they start from zero.
   */
  kpi?: { marketContracts: number; contracts: Record<string, number>; sessionEnds: Record<string, number[]> };
};

const TAPE = 100;
const NOTHING: RoomEffects = { applied: false, sends: [], market: { msgs: [], dirty: [] } };

export class RoomEngine {
  #state: RoomState;
  #exchange: Exchange | null = null;
  #clock: GameClock;
  #driver: MarketDriver | null = null;
  #recorder = new GameRecorder(1);
  #compliance: ComplianceMonitor;

  constructor(state?: RoomState) {
    this.#state = structuredClone(
      state ?? {
        seq: 0,
        setup: null,
        pings: 0,
        exchange: null,
        game: { status: "lobby", generation: 0, seed: null },
        clock: initialClock(),
        driver: null,
        lastRefresh: 0,
        recordSeq: 1,
        compliance: { teams: {} },
        config: DEFAULT_GAME_CONFIG,
        tape: [],
      },
    );
    this.#clock = new GameClock(this.#state.clock);
    this.#compliance = new ComplianceMonitor(this.#state.compliance);
    const config = this.#state.config;
    if (this.#state.setup)
      this.#exchange = marketFor(this.#state.setup, this.#state.exchange ?? undefined, config);
    if (this.#state.driver) this.#driver = new MarketDriver(this.#state.driver, simConfigFor(config));
  }

  /** Applies one command; `seq` counts applied commands (the journal key). */
  handle(command: RoomCommand): RoomEffects {
    this.#recorder = new GameRecorder(this.#state.recordSeq);
    const effects = this.#handle(command);
    this.#state.recordSeq = this.#recorder.seq;
    const records = this.#recorder.drain();
    return records.length > 0 ? { ...effects, records } : effects;
  }

  #handle(command: RoomCommand): RoomEffects {
    switch (command.type) {
      case "setup":
        return this.#setup(command.setup);
      case "ping": {
        const pings = this.#state.pings + 1;
        this.#state.pings = pings;
        this.#state.seq++;
        const pong: ServerMessage = { type: "pong", cid: command.cid, serverTime: command.at, pings };
        return {
          ...NOTHING,
          applied: true,
          sends: [{ to: { kind: "connection", id: command.connection }, msgs: [pong] }],
        };
      }
      case "client":
        this.#state.seq++;
        return this.#client(command);
      case "clock": {
        this.#state.seq++;
        const out = new RoomEffectsBuilder(null, null);
        this.#onClock(this.#clock.advance(command.at), command.at, out);
        this.#refresh(command.at, out);
        return out.build();
      }
    }
  }

  /** Applies what moving the clock caused: phase changes (auction, close, expiry) and simulated seconds. */
  #onClock(events: ClockEvent[], at: number, out: RoomEffectsBuilder) {
    const exchange = this.#exchange;
    if (!exchange) return;
    for (const event of events) {
      if (event.kind === "phase") {
        const phase = event.phase === "continuous" && this.#clock.state.paused ? "paused" : event.phase;
        this.#apply(exchange.handle({ type: "set_phase", at, phase }), out);
        if (event.phase === "pre_open") this.#compliance.sessionStart();
        if (event.phase === "closed" && this.#driver) {
          for (const e of this.#driver.settleExpiring(this.#clock.state.session, exchange, at))
            this.#apply(e, out);
          // The close's marks (resting orders are gone: theoretical values), so the debrief values the session's
          // end as its score does.
          const { spxTicks, spyTicks } = this.#driver.prices();
          this.#recorder.marks({ ...this.#marks(), SPX: spxTicks, SPY: spyTicks }, this.#clock.state.gameMs);
          this.#recordScores("session");
        }
        out.public({ type: "clock", clock: this.clock(at) });
      } else if (this.#driver) {
        const run = this.#driver.run(
          event.count,
          this.#clock.state.session,
          this.#clock.state.gameMs,
          exchange,
          {
            sample: (seconds) => this.#sampleQuotes(exchange, seconds),
            tick: (second) => this.#tickCompliance(exchange, second),
          },
        );
        for (const e of run.exchange) this.#apply(e, out);
        for (const msg of run.public) {
          out.public(msg);
          if (msg.type === "news") this.#recorder.news(msg.headline, this.#clock.state.gameMs);
        }
        if (run.ticks > 0) {
          // Option marks plus the underlyings (as instruments "SPX" and "SPY"): the debrief rebuilds greeks from them.
          const { spxTicks, spyTicks } = this.#driver.prices();
          this.#recorder.marks({ ...this.#marks(), SPX: spxTicks, SPY: spyTicks }, this.#clock.state.gameMs);
        }
        for (const { role, msg } of run.signals) {
          for (const team of this.#state.setup?.teams ?? [])
            if (team.role === role) out.account(team.id, msg);
        }
      }
    }
  }

  #freshDriver(seed: number): MarketDriver {
    const sim = simConfigFor(this.#state.config);
    return new MarketDriver(initialDriver(seed, sim), sim);
  }

  /** Market makers' quoting, weighted by the seconds it stood (GAME.md §11.2). */
  #sampleQuotes(exchange: Exchange, seconds: number) {
    const listed = exchange.listed();
    const samples = this.#teams("market_maker").map((team) => {
      const { quoted, required } = quotedInstruments(exchange.openOrders(team.id), listed, (s) =>
        exchange.theo(s),
      );
      return { teamId: team.id, quoted: quoted * seconds, required: required * seconds };
    });
    this.#compliance.sampleSecond(samples);
  }

  /** A 5-minute boundary: close the quoting window, measure delta, pair balance and drawdown. */
  #tickCompliance(exchange: Exchange, second: number) {
    const spot = this.#driver?.prices() ?? { spxTicks: 440_000, spyTicks: 44_000 };
    const clock = this.#clock.state;
    const samples = (this.#state.setup?.teams ?? []).map((team) => {
      const account = exchange.positions(team.id);
      const portfolio = portfolioSample(account?.positions ?? [], spot, (expiry) =>
        secondsToExpiry(expiry, clock.session, clock.gameMs),
      );
      return {
        teamId: team.id,
        role: team.role as ComplianceRole,
        ...portfolio,
        pnlCents: account?.pnl.totalCents ?? 0,
      };
    });
    this.#compliance.tickBoundary(samples);
    // Each market maker's coverage of the window that just closed, stamped at its 5-minute boundary.
    const at = sessionDay(clock.session) + OPEN_MS + Math.floor(second / 300) * 300_000;
    for (const team of this.#state.setup?.teams ?? []) {
      const coverageBp = team.role === "market_maker" ? this.#compliance.lastWindowBp(team.id) : null;
      if (coverageBp === null) continue;
      const { penaltyBp } = this.#compliance.status(team.id, "market_maker");
      this.#recorder.coverage({ teamId: team.id, coverageBp, penaltyBp, at });
    }
  }

  /** Each team's P&L and score as a durable record (a session's close, or the end of the game). */
  #recordScores(scope: "session" | "final") {
    if (scope === "session") {
      const kpi = this.#kpi();
      for (const team of this.#state.setup?.teams ?? []) {
        const ends = kpi.sessionEnds[team.id] ?? [];
        ends.push(this.#exchange?.positions(team.id)?.pnl.totalCents ?? 0);
        kpi.sessionEnds[team.id] = ends;
      }
    }
    const scores = this.#scores();
    for (const team of this.#state.setup?.teams ?? []) {
      this.#recorder.score({
        teamId: team.id,
        scope,
        session: this.#clock.state.session,
        pnlCents: this.#exchange?.positions(team.id)?.pnl.totalCents ?? 0,
        scoreBp: scores.get(team.id) ?? 0,
        at: this.#clock.state.gameMs,
      });
    }
  }

  #teams(role: ComplianceRole) {
    return (this.#state.setup?.teams ?? []).filter((t) => t.role === role);
  }

  /** Scores of every team now (GAME.md §12.4, role KPIs of live-kpis.ts), in bp, by team id. */
  #scores(): Map<string, number> {
    return new Map(this.#scoreRows().map((r) => [r.teamId, r.scoreBp ?? 0]));
  }

  /** Each team's score with the KPIs behind it (ranked KPIs' points filled in among its role). */
  #scoreRows() {
    const exchange = this.#exchange;
    const kpi = this.#kpi();
    const teams = this.#state.setup?.teams ?? [];
    const rows = scoreRows(
      teams.map((team) => {
        const pnl = exchange?.positions(team.id)?.pnl;
        const ends = kpi.sessionEnds[team.id] ?? [];
        return {
          kpis: liveKpis({
            teamId: team.id,
            role: team.role,
            pnlCents: pnl?.totalCents ?? 0,
            feesCents: pnl?.feesCents ?? 0,
            penaltyBp: this.#compliance.status(team.id, team.role).penaltyBp,
            maxDrawdownCents: this.#compliance.maxDrawdownCents(team.id),
            sessionPnlCents: ends.map((end, i) => end - (i === 0 ? 0 : (ends[i - 1] as number))),
            contracts: kpi.contracts[team.id] ?? 0,
            marketContracts: kpi.marketContracts,
            ...this.#compliance.kpiFigures(team.id),
          }),
          qualitative: team.qualitative ?? null,
        };
      }),
    );
    return rows;
  }

  #kpi(): NonNullable<RoomState["kpi"]> {
    this.#state.kpi ??= { marketContracts: 0, contracts: {}, sessionEnds: {} };
    return this.#state.kpi;
  }

  /** Every two real seconds: the clock, the leaderboard, and each team's account at current marks. */
  #refresh(at: number, out: RoomEffectsBuilder) {
    const slot = Math.floor(at / 2_000);
    if (slot === this.#state.lastRefresh || !this.#exchange) return;
    this.#state.lastRefresh = slot;
    out.public({ type: "clock", clock: this.clock(at) });
    out.public(this.leaderboard());
    out.instructors(this.teamsOverview());
    const scores = new Map(this.#scoreRows().map((r) => [r.teamId, r]));
    for (const team of this.#state.setup?.teams ?? []) {
      const account = this.#exchange.positions(team.id);
      if (account && account.positions.length > 0) out.account(team.id, { type: "account", ...account });
      const { checks, penaltyBp } = this.#compliance.status(team.id, team.role);
      const row = scores.get(team.id);
      out.account(team.id, {
        type: "compliance",
        checks,
        penaltyBp,
        scoreBp: row?.scoreBp ?? null,
        kpis: kpiViews(row?.kpis ?? []),
      });
    }
  }

  /** True while the clock moves on its own: the room keeps its timer armed. */
  get clockRunning(): boolean {
    const c = this.#clock.state;
    return c.running && !c.paused;
  }

  #setup(setup: RoomSetup): RoomEffects {
    if (this.#state.setup && this.#state.setup.version > setup.version) return NOTHING;
    this.#state.seq++;
    this.#state.setup = setup;
    this.#state.game.seed ??= setup.seed;
    const config = this.#state.config;
    if (this.#exchange) openTeams(this.#exchange, setup);
    else this.#exchange = marketFor(setup, undefined, config);
    this.#driver ??= this.#freshDriver(this.#state.game.seed ?? setup.seed);
    return { ...NOTHING, applied: true };
  }

  #client(command: Extract<RoomCommand, { type: "client" }>): RoomEffects {
    const { message, actor, connection, at } = command;
    const out = new RoomEffectsBuilder(connection, actor.teamId);
    if (message.type === "batch" || isTrading(message)) {
      const commands = message.type === "batch" ? message.commands : [message];
      for (const trading of commands) this.#trade(trading, actor, at, out);
      return out.build();
    }
    const refusal = adminRefusal(actor) ?? (this.#exchange ? null : NOT_SET_UP);
    if (refusal) {
      out.result({ type: "command_result", cid: message.cid, status: "rejected", ...refusal });
      return out.build();
    }
    this.#admin(message, at, out);
    return out.build();
  }

  #trade(command: TradingCommand, actor: Actor, at: number, out: RoomEffectsBuilder) {
    const exchange = this.#exchange;
    const known = exchange !== null && actor.teamId !== null && exchange.hasAccount(actor.teamId);
    const refusal = exchange ? tradingRefusal(actor, known) : NOT_SET_UP;
    if (refusal || !exchange || actor.teamId === null) {
      const why = refusal ?? NOT_SET_UP;
      out.result({ type: "command_result", cid: command.cid, status: "rejected", ...why });
      return;
    }
    const effects = exchange.handle(
      toExchangeCommand(command, actor.teamId, actor.source, this.#clock.state.gameMs, at),
    );
    if (effects.result?.status === "rejected") {
      this.#recorder.rejected(
        command,
        actor.teamId,
        effects.result.code,
        actor.source,
        this.#clock.state.gameMs,
      );
    }
    this.#apply(effects, out);
  }

  #marks(): Record<string, number> {
    const marks: Record<string, number> = {};
    for (const instrument of this.#exchange?.listed() ?? []) {
      const mark = this.#exchange?.mark(instrument);
      if (mark !== null && mark !== undefined) marks[instrument] = mark;
    }
    return marks;
  }

  #admin(command: AdminCommand, at: number, out: RoomEffectsBuilder) {
    const exchange = this.#exchange as Exchange;
    const game = this.#state.game;
    const clock = this.#clock;
    const phase = (to: "paused" | "continuous") =>
      this.#apply(exchange.handle({ type: "set_phase", at, phase: to }), out);
    switch (command.type) {
      case "start_game":
        this.#onClock(clock.start(at), at, out);
        if (clock.state.running) this.#beginRun();
        break;
      case "advance_phase":
        this.#onClock(clock.advancePhase(at), at, out);
        if (clock.state.running) this.#beginRun();
        break;
      case "pause":
        this.#onClock(clock.pause(at), at, out);
        if (exchange.phase === "continuous") phase("paused");
        break;
      case "resume":
        this.#onClock(clock.resume(at), at, out);
        if (exchange.phase === "paused") phase("continuous");
        break;
      case "set_speed":
        this.#onClock(clock.setSpeed(command.speed, at), at, out);
        break;
      case "inject_news": {
        const driver = this.#driver as MarketDriver;
        const { headline } = command;
        if ("index" in headline && headline.index >= driver.headlineCount()) {
          out.result({
            type: "command_result",
            cid: command.cid,
            status: "rejected",
            code: "NEWS_UNKNOWN",
            message: `There are ${driver.headlineCount()} headlines; #${headline.index} is not one of them.`,
          });
          return;
        }
        const news = driver.injectNews(headline, clock.state.gameMs);
        out.public(news);
        if (news.type === "news") this.#recorder.news(news.headline, clock.state.gameMs);
        break;
      }
      case "configure_game": {
        if (game.status !== "lobby" || clock.state.running) {
          out.result({
            type: "command_result",
            cid: command.cid,
            status: "rejected",
            code: "SETTINGS_LOCKED",
            message: "Settings can change before the game starts, or after a reset or rematch.",
          });
          return;
        }
        const setup = this.#state.setup as RoomSetup;
        this.#state.config = command.config;
        this.#exchange = marketFor(setup, exchange.snapshot(), command.config);
        this.#driver = this.#freshDriver(game.seed ?? setup.seed);
        out.public(this.settings());
        break;
      }
      case "end_game":
        this.#onClock(clock.end(at), at, out);
        if (exchange.phase !== "closed")
          this.#apply(exchange.handle({ type: "set_phase", at, phase: "closed" }), out);
        if (game.status !== "ended") this.#recordScores("final");
        game.status = "ended";
        break;
      case "reset_game":
      case "rematch": {
        const setup = this.#state.setup as RoomSetup;
        if (exchange.phase !== "closed")
          this.#apply(exchange.handle({ type: "set_phase", at, phase: "closed" }), out);
        if (command.type === "rematch") game.seed = command.seed ?? nextSeed(game.seed ?? setup.seed);
        game.generation++;
        game.origin = command.type === "rematch" ? "rematch" : "reset";
        game.recorded = false;
        this.#recordRun();
        game.status = "lobby";
        this.#state.tape = [];
        this.#clock = new GameClock(initialClock(clock.state.speed));
        this.#driver = this.#freshDriver(game.seed ?? setup.seed);
        this.#exchange = marketFor(setup, undefined, this.#state.config);
        this.#compliance = new ComplianceMonitor();
        out.resetAll();
        break;
      }
    }
    out.result({ type: "command_result", cid: command.cid, status: "accepted", orderIds: [] });
    out.public({ type: "clock", clock: this.clock(at) });
  }

  /** The game runs (its first start records the first run). */
  #beginRun() {
    this.#state.game.status = "running";
    this.#recordRun();
  }

  /**
   * Records the current run (number, seed, what began it) once: at the game's first start, and at each reset or
   * rematch (nothing trades between one and the next start, so every later record belongs to the new run).
   */
  #recordRun() {
    const game = this.#state.game;
    if (game.recorded) return;
    game.recorded = true;
    this.#recorder.run({
      run: game.generation + 1,
      seed: game.seed ?? (this.#state.setup as RoomSetup).seed,
      origin: game.origin ?? "start",
      at: this.#clock.state.gameMs,
    });
  }

  #apply(effects: ExchangeEffects, out: RoomEffectsBuilder) {
    this.#recorder.effects(effects, this.#clock.state.gameMs);
    this.#countVolume(effects);
    if (effects.result) out.result(effects.result);
    for (const { to, msg } of effects.events) {
      if (to.kind === "public") {
        out.market(msg);
        if (msg.type === "trade") this.#remember(msg);
      } else out.account(to.account, msg);
    }
    out.dirty(effects.dirty);
  }

  /** Contracts traded in the market (each print once) and by each team (its fills), for the volume share KPI. */
  #countVolume(effects: ExchangeEffects) {
    let kpi: NonNullable<RoomState["kpi"]> | null = null;
    for (const { to, msg } of effects.events) {
      if (msg.type === "trade") {
        kpi ??= this.#kpi();
        kpi.marketContracts += msg.quantity;
      } else if (msg.type === "fill" && to.kind === "account" && this.#isTeam(to.account)) {
        kpi ??= this.#kpi();
        kpi.contracts[to.account] = (kpi.contracts[to.account] ?? 0) + msg.quantity;
      }
    }
  }

  #isTeam(account: string): boolean {
    return (this.#state.setup?.teams ?? []).some((t) => t.id === account);
  }

  #remember(trade: Extract<ServerMessage, { type: "trade" }>) {
    const { type: _type, ...print } = trade;
    this.#state.tape.push(print);
    if (this.#state.tape.length > TAPE) this.#state.tape.splice(0, this.#state.tape.length - TAPE);
  }

  // ── Reads ─────────────────────────────────────────────────────────────────────────────────────────────────────

  get seq(): number {
    return this.#state.seq;
  }

  get setup(): RoomSetup | null {
    return this.#state.setup;
  }

  get exchange(): Exchange | null {
    return this.#exchange;
  }

  clock(_at: number): ClockView {
    const phase = this.#exchange?.phase ?? "closed";
    const c = this.#clock.state;
    return {
      phase,
      gameTime: c.gameMs,
      speed: c.speed,
      paused: c.paused,
      session: c.session,
      nextPhaseAt: this.#clock.nextPhaseAt,
    };
  }

  /** The latest underlying prices, or null before the game has a market. */
  underlying(): { spxTicks: number; spyTicks: number; at: number } | null {
    return this.#driver ? { ...this.#driver.prices(), at: this.#clock.state.gameMs } : null;
  }

  /** Live standings: every team's P&L at current marks, best first (ties by name, so the order is stable). */
  leaderboard(): ServerMessage {
    const exchange = this.#exchange;
    const scores = this.#scores();
    const rows = (this.#state.setup?.teams ?? []).map((team) => ({
      teamId: team.id,
      name: team.name,
      role: team.role,
      pnlCents: exchange?.positions(team.id)?.pnl.totalCents ?? 0,
      scoreBp: scores.get(team.id) ?? null,
    }));
    rows.sort((a, b) => b.pnlCents - a.pnlCents || a.name.localeCompare(b.name));
    return { type: "leaderboard", rows };
  }

  /** The game's settings, public: every team may know the limits and how the market is made. */
  settings(): ServerMessage {
    const locked = this.#state.game.status !== "lobby" || this.#clock.state.running;
    return { type: "settings", config: this.#state.config, locked };
  }

  /** The instructor's live view of every team. */
  teamsOverview(): ServerMessage {
    const exchange = this.#exchange;
    const scores = new Map(this.#scoreRows().map((r) => [r.teamId, r]));
    const rows = (this.#state.setup?.teams ?? []).map((team) => {
      const account = exchange?.positions(team.id);
      const compliance = this.#compliance.status(team.id, team.role).checks;
      return {
        teamId: team.id,
        name: team.name,
        role: team.role,
        pnl: account?.pnl ?? {
          cashCents: 0,
          realisedCents: 0,
          unrealisedCents: 0,
          feesCents: 0,
          totalCents: 0,
        },
        positions: account?.positions.filter((p) => p.position !== 0) ?? [],
        openOrders: exchange?.openOrders(team.id).length ?? 0,
        exposure: exchange?.exposure(team.id).total ?? 0,
        exposureLimit: exchange?.limitsOf(team.id)?.total ?? 0,
        compliance,
        scoreBp: scores.get(team.id)?.scoreBp ?? null,
        kpis: kpiViews(scores.get(team.id)?.kpis ?? []),
      };
    });
    return { type: "teams", rows };
  }

  /** Everything one connection needs to build its screen. */
  snapshotFor(actor: Actor, at: number, depthOf?: DepthOf): ServerMessage {
    return snapshotFor(this.#exchange, this.#state.tape, this.clock(at), actor, this.underlying(), depthOf);
  }

  snapshot(): RoomState {
    return structuredClone({
      ...this.#state,
      exchange: this.#exchange?.snapshot() ?? null,
      clock: this.#clock.state,
      driver: this.#driver?.snapshot() ?? null,
      compliance: this.#compliance.snapshot(),
    });
  }

  hash(): string {
    return stateHash(this.snapshot());
  }
}

const NOT_SET_UP = { code: "GAME_NOT_READY", message: "The game is not set up yet: try again in a moment." };

function isTrading(message: ClientCommand): message is TradingCommand {
  return ["place_order", "cancel_order", "cancel_all", "quote", "cancel_quote"].includes(message.type);
}

/** A new seed from the old one, deterministically (a rematch without an explicit seed). */
function nextSeed(seed: number): number {
  return ((Math.imul(seed, 48_271) >>> 0) % 2_147_483_646) + 1;
}

/**
 * Groups one command's messages into one frame per recipient: the submitting connection gets its results plus
 * its team's events; the team's other connections get the events; retail and other teams get theirs.
 */
class RoomEffectsBuilder {
  readonly #results: ServerMessage[] = [];
  readonly #accounts = new Map<string, ServerMessage[]>();
  readonly #public: ServerMessage[] = [];
  readonly #instructors: ServerMessage[] = [];
  readonly #market: ServerMessage[] = [];
  readonly #dirty = new Set<string>();
  #reset = false;

  constructor(
    private readonly connection: string | null,
    private readonly teamId: string | null,
  ) {}

  result(msg: ServerMessage) {
    this.#results.push(msg);
  }

  account(account: string, msg: ServerMessage) {
    const msgs = this.#accounts.get(account) ?? [];
    msgs.push(msg);
    this.#accounts.set(account, msgs);
  }

  public(msg: ServerMessage) {
    this.#public.push(msg);
  }

  instructors(msg: ServerMessage) {
    this.#instructors.push(msg);
  }

  market(msg: ServerMessage) {
    this.#market.push(msg);
  }

  dirty(instruments: readonly string[]) {
    for (const i of instruments) this.#dirty.add(i);
  }

  /** After a reset every client needs a fresh snapshot (the room sends one to each connection). */
  resetAll() {
    this.#reset = true;
  }

  build(): RoomEffects {
    const sends: RoomEffects["sends"] = [];
    const own = this.teamId ? (this.#accounts.get(this.teamId) ?? []) : [];
    if (this.connection !== null && (this.#results.length > 0 || own.length > 0)) {
      sends.push({ to: { kind: "connection", id: this.connection }, msgs: [...this.#results, ...own] });
    }
    for (const [teamId, msgs] of this.#accounts) {
      sends.push({
        to: { kind: "team", teamId, except: teamId === this.teamId ? this.connection : null },
        msgs,
      });
    }
    if (this.#public.length > 0) sends.push({ to: { kind: "public" }, msgs: this.#public });
    if (this.#instructors.length > 0) sends.push({ to: { kind: "instructors" }, msgs: this.#instructors });
    return {
      applied: true,
      sends,
      market: { msgs: this.#market, dirty: [...this.#dirty] },
      reset: this.#reset,
      results: this.#results,
    };
  }
}
