import { teamChecks } from "./compliance-checks";
import { type ComplianceConfig, DEFAULT_COMPLIANCE_CONFIG, type TeamRole } from "./compliance-config";
import type {
  Breach,
  ComplianceSample,
  ComplianceState,
  ComplianceStatus,
  TeamCompliance,
} from "./compliance-types";
import { classifyPair, grossNotional } from "./pair-balance";
import {
  type PenaltySummary,
  penaltySummary,
  type SessionRange,
  ticksOkBp,
  uptimeBp,
} from "./penalty-summary";
import { quoteCoverage } from "./quote-coverage";
import {
  arbitrageTick,
  checkPositionLimits,
  closeTally,
  closeWindow,
  freshTeam,
  hedgeFundTick,
  tallyFor,
} from "./team-rules";

/** The compliance side of a team's KPIs over a session range (GAME.md §12.3); null = not measured yet. */
export type ComplianceKpis = {
  /** Market maker: mean window coverage U (bp). */
  uptimeBp: number | null;
  /** Hedge fund: ticks within the delta limit / ticks; arbitrage desk: ticks in balance / ticks (bp). */
  ticksOkBp: number | null;
  penaltyBp: number;
};

/**
 * Compliance monitoring on game time (GAME.md §11). The exchange calls `sample` every second of continuous trading
 * (or with `seconds` > 1 when it batches), flags the sample at each 5-minute boundary, `checkPositions` after fills
 * and `closeSession` at the close. Owns a plain-JSON state: `snapshot()` → `new ComplianceMonitor(config, state)`
 * continues identically. No clock of its own: every time is an input.
 */
export class ComplianceMonitor {
  readonly #config: ComplianceConfig;
  readonly #state: ComplianceState;

  constructor(config: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG, state?: ComplianceState) {
    this.#config = config;
    this.#state = state ? structuredClone(state) : { session: null, lastAtMs: null, teams: {} };
  }

  static restore(
    state: ComplianceState,
    config: ComplianceConfig = DEFAULT_COMPLIANCE_CONFIG,
  ): ComplianceMonitor {
    return new ComplianceMonitor(config, state);
  }

  /** One sample: accrues quoting, updates live delta and pair balance, checks limits; at a boundary, the ticks. */
  sample(input: ComplianceSample): ComplianceStatus[] {
    const seconds = input.seconds ?? 1;
    if (!Number.isSafeInteger(seconds) || seconds < 0)
      throw new RangeError(`compliance: seconds must be a non-negative integer, got ${seconds}`);
    this.#enterSession(input.session, input.atMs);
    const at = { atMs: input.atMs, session: input.session };
    const statuses: ComplianceStatus[] = [];
    for (const sample of input.teams) {
      const team = this.#team(sample.teamId, sample.role);
      const tally = tallyFor(team, input.session);
      if (team.role === "market_maker") {
        const { quoted, required } = quoteCoverage(
          sample.quotes,
          input.instruments,
          this.#config.marketMaker,
        );
        team.windowQuoted += quoted * seconds;
        team.windowRequired += required * seconds;
      }
      team.liveDeltaMilli = sample.deltaMilli;
      const exposure = sample.pairExposure ?? grossNotional(sample.positions, input.instruments, input.spot);
      team.livePair = classifyPair(exposure, this.#config.arbitrage);
      checkPositionLimits(team, sample.positions, at, this.#config);
      if (input.tickBoundary) {
        if (team.role === "market_maker") closeWindow(team, tally, at, this.#config.marketMaker);
        else if (team.role === "hedge_fund") hedgeFundTick(team, tally, at, this.#config.hedgeFund);
        else arbitrageTick(team, tally, at, this.#config.arbitrage);
      }
      statuses.push(this.#status(sample.teamId, team));
    }
    return statuses;
  }

  /** Position limits after a fill (GAME.md §11.5 measures at every fill). */
  checkPositions(input: {
    atMs: number;
    teamId: string;
    role: TeamRole;
    positions: Readonly<Record<string, number>>;
  }): ComplianceStatus {
    const team = this.#team(input.teamId, input.role);
    this.#state.lastAtMs = Math.max(this.#state.lastAtMs ?? input.atMs, input.atMs);
    // Between sessions (settlement at the close) the breach belongs to the last session.
    const session = this.#state.session ?? team.sessions.at(-1)?.session ?? 0;
    checkPositionLimits(team, input.positions, { atMs: input.atMs, session }, this.#config);
    return this.#status(input.teamId, team);
  }

  /**
   * The session's close: a partly filled quoting window counts, then uptime warnings and the arbitrage persistent
   * imbalance are judged on the session's ticks. A sample of another session closes the open one by itself.
   */
  closeSession(atMs: number) {
    const session = this.#state.session;
    if (session === null) return;
    for (const team of Object.values(this.#state.teams)) {
      const tally = team.sessions.find((s) => s.session === session && !s.closed);
      if (tally) closeTally(team, tally, atMs, this.#config);
    }
    this.#state.session = null;
    this.#state.lastAtMs = atMs;
  }

  /** A team's checks now; null for a team never sampled. A read: never changes the state. */
  status(teamId: string): ComplianceStatus | null {
    const team = this.#state.teams[teamId];
    return team ? this.#status(teamId, team) : null;
  }

  /** The last closed window was under 80 %: the maker rebate is the standard rate in this one (GAME.md §7). */
  reducedRebate(teamId: string): boolean {
    const bp = this.#state.teams[teamId]?.lastWindowBp;
    return bp !== null && bp !== undefined && bp < this.#config.marketMaker.windowMinBp;
  }

  /** Every breach recorded for the team, oldest first (copies). */
  breaches(teamId: string, range?: SessionRange): Breach[] {
    const all = this.#state.teams[teamId]?.breaches ?? [];
    return structuredClone(
      all.filter(
        (b) =>
          (range?.fromSession === undefined || b.session >= range.fromSession) &&
          (range?.toSession === undefined || b.session <= range.toSession),
      ),
    );
  }

  /** GAME.md §11.6 penalty summary over a session range (all sessions by default). */
  penalties(teamId: string, range?: SessionRange): PenaltySummary {
    const team = this.#state.teams[teamId];
    return team ? penaltySummary(team, this.#config, range) : { items: [], totalBp: 0 };
  }

  /** What `computeKpis` needs from compliance, over a session range. */
  kpis(teamId: string, range?: SessionRange): ComplianceKpis {
    const team = this.#state.teams[teamId];
    if (!team) return { uptimeBp: null, ticksOkBp: null, penaltyBp: 0 };
    return {
      uptimeBp: team.role === "market_maker" ? uptimeBp(team.sessions, range) : null,
      ticksOkBp: team.role === "market_maker" ? null : ticksOkBp(team.sessions, range),
      penaltyBp: penaltySummary(team, this.#config, range).totalBp,
    };
  }

  snapshot(): ComplianceState {
    return structuredClone(this.#state);
  }

  #enterSession(session: number, atMs: number) {
    if (this.#state.session !== null && this.#state.session !== session)
      this.closeSession(this.#state.lastAtMs ?? atMs);
    this.#state.session = session;
    this.#state.lastAtMs = atMs;
  }

  #status(teamId: string, team: TeamCompliance): ComplianceStatus {
    const session = this.#state.session;
    const tally = team.sessions.find((s) => s.session === session) ?? team.sessions.at(-1);
    const checks = teamChecks(team, tally, this.#config);
    return {
      teamId,
      role: team.role,
      ok: checks.every((c) => c.ok),
      checks,
      penaltyBp: penaltySummary(team, this.#config).totalBp,
    };
  }

  #team(teamId: string, role: TeamRole): TeamCompliance {
    let team = this.#state.teams[teamId];
    if (!team) {
      team = freshTeam(role);
      this.#state.teams[teamId] = team;
    }
    team.role = role;
    return team;
  }
}
