import { COMPLIANCE } from "./compliance-rules";

export type ComplianceRole = "market_maker" | "hedge_fund" | "arbitrage_desk";

/** One check as a team and the instructor see it. */
export type ComplianceCheck = {
  code: "MM_QUOTE_COVERAGE" | "HF_DELTA" | "ARB_PAIR_BALANCE";
  label: string;
  ok: boolean;
  /** The measured value and its threshold, as text a person reads ("72% of options quoted", "Δ = 63"). */
  value: string;
  threshold: string;
  message: string;
};

export type ComplianceStatus = {
  teamId: string;
  role: ComplianceRole;
  checks: ComplianceCheck[];
  penaltyBp: number;
};

type TeamState = {
  role: ComplianceRole;
  /** Market maker: quoted instrument-seconds and required instrument-seconds, this window and this session. */
  windowQuoted: number;
  windowRequired: number;
  sessionCoverageBpSum: number;
  sessionWindows: number;
  lastWindowBp: number | null;
  /** Hedge fund: last delta (SPX-equivalent contracts, rounded) and breach ticks. */
  lastDelta: number;
  breachTicks: number;
  /** Arbitrage: last ratio (bp; null when flat or single-leg), consecutive ticks out of balance, episodes. */
  lastRatioBp: number | null;
  singleLeg: boolean;
  outOfBalanceRun: number;
  imbalanceEpisodes: number;
  singleLegEpisodes: number;
  ticks: number;
  ticksInBalance: number;
  /** Highest P&L seen at a tick boundary and the largest fall from a peak, in cents. */
  peakCents: number;
  maxDrawdownCents: number;
};

export type ComplianceState = { teams: Record<string, TeamState> };

/** What the exchange knows about a team at a sample. */
export type MarketMakerSample = { teamId: string; quoted: number; required: number };
export type TickSample = {
  teamId: string;
  role: ComplianceRole;
  /** Portfolio delta in SPX-equivalent contracts (GAME.md §8.4). */
  delta: number;
  /** Gross notional per product in cents (GAME.md §11.4). */
  spxNotionalCents: number;
  spyNotionalCents: number;
  /** The team's total P&L now (for the drawdown of the risk score). */
  pnlCents: number;
};

/**
 * Compliance monitoring (GAME.md §11): market makers' quoting coverage sampled every second of continuous trading
 * and aggregated per 5-minute window and per session; the hedge fund's delta and the arbitrage desk's pair balance
 * at each tick boundary; penalties as §11.6. Pure, JSON state: the room journal replays it exactly.
 */
export class ComplianceMonitor {
  readonly #state: ComplianceState;

  constructor(state: ComplianceState = { teams: {} }) {
    this.#state = structuredClone(state);
  }

  /** One second of continuous trading: how many required options each market maker quoted. */
  sampleSecond(samples: readonly MarketMakerSample[]) {
    for (const s of samples) {
      const team = this.#team(s.teamId, "market_maker");
      team.windowQuoted += s.quoted;
      team.windowRequired += s.required;
    }
  }

  /** A 5-minute tick boundary: close the quoting window, check delta and pair balance. */
  tickBoundary(samples: readonly TickSample[]) {
    for (const s of samples) {
      const team = this.#team(s.teamId, s.role);
      team.ticks++;
      team.peakCents = Math.max(team.peakCents, s.pnlCents);
      team.maxDrawdownCents = Math.max(team.maxDrawdownCents, team.peakCents - s.pnlCents);
      if (s.role === "market_maker") {
        if (team.windowRequired > 0) {
          const bp = Math.floor((team.windowQuoted * 10_000) / team.windowRequired);
          team.lastWindowBp = bp;
          team.sessionCoverageBpSum += bp;
          team.sessionWindows++;
        }
        team.windowQuoted = 0;
        team.windowRequired = 0;
      } else if (s.role === "hedge_fund") {
        team.lastDelta = Math.round(s.delta);
        if (Math.abs(s.delta) > COMPLIANCE.hfDeltaLimit) team.breachTicks++;
      } else {
        this.#arbitrage(team, s.spxNotionalCents, s.spyNotionalCents);
      }
    }
  }

  /** A new session: uptime and window figures restart (breaches and episodes stay on the record). */
  sessionStart() {
    for (const team of Object.values(this.#state.teams)) {
      team.sessionCoverageBpSum = 0;
      team.sessionWindows = 0;
      team.windowQuoted = 0;
      team.windowRequired = 0;
      team.lastWindowBp = null;
    }
  }

  /** A read: never changes the state (the room also calls it outside commands, e.g. on connect). */
  status(teamId: string, role: ComplianceRole): ComplianceStatus {
    const team = this.#state.teams[teamId] ?? freshTeam(role);
    return { teamId, role, checks: [this.#check(team)], penaltyBp: penaltyBp(team) };
  }

  /**
   * What the role KPIs read from the monitor (GAME.md §12.3), each in bp or null before it can be measured: a market
   * maker's mean window coverage this session, the share of a hedge fund's ticks within the delta limit, the share
   * of an arbitrage desk's ticks in pair balance.
   */
  kpiFigures(teamId: string): {
    coverageBp: number | null;
    deltaWithinBp: number | null;
    balanceBp: number | null;
  } {
    const team = this.#state.teams[teamId];
    if (!team) return { coverageBp: null, deltaWithinBp: null, balanceBp: null };
    const share = (part: number) => (team.ticks === 0 ? null : Math.floor((part * 10_000) / team.ticks));
    return {
      coverageBp:
        team.sessionWindows === 0 ? null : Math.floor(team.sessionCoverageBpSum / team.sessionWindows),
      deltaWithinBp: team.role === "hedge_fund" ? share(team.ticks - team.breachTicks) : null,
      balanceBp: team.role === "arbitrage_desk" ? share(team.ticksInBalance) : null,
    };
  }

  /** A market maker's quote coverage over the last closed 5-minute window, in bp (null before the first). */
  lastWindowBp(teamId: string): number | null {
    return this.#state.teams[teamId]?.lastWindowBp ?? null;
  }

  /** The largest fall of the team's P&L from a peak, sampled at tick boundaries, in cents. */
  maxDrawdownCents(teamId: string): number {
    return this.#state.teams[teamId]?.maxDrawdownCents ?? 0;
  }

  /** Below the window threshold last tick: the maker rebate drops to the standard rate (GAME.md §7). */
  reducedRebate(teamId: string): boolean {
    const bp = this.#state.teams[teamId]?.lastWindowBp;
    return bp !== null && bp !== undefined && bp < COMPLIANCE.mmWindowMinBp;
  }

  snapshot(): ComplianceState {
    return structuredClone(this.#state);
  }

  #arbitrage(team: TeamState, spx: number, spy: number) {
    const flat = spx === 0 && spy === 0;
    const single = !flat && (spx === 0 || spy === 0);
    const ratioBp = flat || single ? null : Math.floor((spx * 10_000) / spy);
    const balanced =
      flat ||
      (ratioBp !== null && ratioBp >= COMPLIANCE.arbMinRatioBp && ratioBp <= COMPLIANCE.arbMaxRatioBp);
    if (single && !team.singleLeg) team.singleLegEpisodes++;
    team.singleLeg = single;
    team.lastRatioBp = ratioBp;
    if (balanced) {
      team.ticksInBalance++;
      team.outOfBalanceRun = 0;
    } else {
      team.outOfBalanceRun++;
      if (team.outOfBalanceRun === COMPLIANCE.arbConsecutiveTicks + 1) team.imbalanceEpisodes++;
    }
  }

  #check(team: TeamState): ComplianceCheck {
    if (team.role === "market_maker") {
      const uptime =
        team.sessionWindows === 0 ? null : Math.floor(team.sessionCoverageBpSum / team.sessionWindows);
      const live =
        team.windowRequired === 0 ? null : Math.floor((team.windowQuoted * 10_000) / team.windowRequired);
      const shown = uptime ?? live;
      const ok = shown === null || shown >= COMPLIANCE.mmWindowMinBp;
      const level =
        shown === null
          ? "Quote every option two-sided (≥ 10 a side, spread ≤ 10% of mid)."
          : shown < COMPLIANCE.mmFlagBp
            ? "Uptime under 60%: flagged to the instructor."
            : shown < COMPLIANCE.mmWarnBp
              ? "Uptime under 70%: warning."
              : shown < COMPLIANCE.mmWindowMinBp
                ? "Under 80%: below the quoting obligation."
                : "Quoting obligation met.";
      return {
        code: "MM_QUOTE_COVERAGE",
        label: "Quote coverage",
        ok,
        value: shown === null ? "–" : `${pct(shown)} of options quoted`,
        threshold: "≥ 80%",
        message: level,
      };
    }
    if (team.role === "hedge_fund") {
      const ok = Math.abs(team.lastDelta) <= COMPLIANCE.hfDeltaLimit;
      return {
        code: "HF_DELTA",
        label: "Portfolio delta",
        ok,
        value: `Δ = ${team.lastDelta}`,
        threshold: `±${COMPLIANCE.hfDeltaLimit}`,
        message: ok
          ? `Within ±${COMPLIANCE.hfDeltaLimit} (${team.breachTicks} breach ticks so far).`
          : `Outside ±${COMPLIANCE.hfDeltaLimit}: −2% of your score for every tick it stays there (${team.breachTicks} so far).`,
      };
    }
    const ok = !team.singleLeg && team.outOfBalanceRun === 0;
    return {
      code: "ARB_PAIR_BALANCE",
      label: "SPX/SPY balance",
      ok,
      value: team.singleLeg
        ? "one leg only"
        : team.lastRatioBp === null
          ? "flat"
          : `ratio ${(team.lastRatioBp / 10_000).toFixed(2)}`,
      threshold: "0.50–2.00",
      message: team.singleLeg
        ? "Single-leg exposure: −10% once per episode. Trade the other product."
        : ok
          ? "In balance."
          : `Out of balance for ${team.outOfBalanceRun} ticks: more than ${COMPLIANCE.arbConsecutiveTicks} costs 5%.`,
    };
  }

  #team(teamId: string, role: ComplianceRole): TeamState {
    let team = this.#state.teams[teamId];
    if (!team) {
      team = freshTeam(role);
      this.#state.teams[teamId] = team;
    }
    team.role = role;
    return team;
  }
}

function freshTeam(role: ComplianceRole): TeamState {
  return {
    role,
    windowQuoted: 0,
    windowRequired: 0,
    sessionCoverageBpSum: 0,
    sessionWindows: 0,
    lastWindowBp: null,
    lastDelta: 0,
    breachTicks: 0,
    lastRatioBp: null,
    singleLeg: false,
    outOfBalanceRun: 0,
    imbalanceEpisodes: 0,
    singleLegEpisodes: 0,
    ticks: 0,
    ticksInBalance: 0,
    peakCents: 0,
    maxDrawdownCents: 0,
  };
}

/** Penalties so far in bp of the quantitative score (GAME.md §11.6), capped at 100%. */
function penaltyBp(team: TeamState): number {
  let bp = 0;
  if (team.role === "hedge_fund") bp += team.breachTicks * COMPLIANCE.hfBreachPenaltyBp;
  if (team.role === "arbitrage_desk") {
    bp += team.imbalanceEpisodes * COMPLIANCE.arbImbalancePenaltyBp;
    bp += team.singleLegEpisodes * COMPLIANCE.arbSingleLegPenaltyBp;
  }
  return Math.min(10_000, bp);
}

function pct(bp: number): string {
  return `${Math.floor(bp / 100)}%`;
}
