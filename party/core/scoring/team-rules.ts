import type { ComplianceConfig, TeamRole } from "./compliance-config";
import type { Breach, SessionTally, TeamCompliance } from "./compliance-types";
import { inBalance } from "./pair-balance";
import { breachTier, overageBp, overages, tierPenaltyBp, worseTier } from "./position-limits";
import { BP, shareBp } from "./scoring-math";
import { milli, pct } from "./text-format";

/**
 * The rules of GAME.md §11 applied to one team's JSON record. Each function mutates only the record it is given;
 * the monitor decides when each runs.
 */

export function freshTeam(role: TeamRole): TeamCompliance {
  return {
    role,
    windowQuoted: 0,
    windowRequired: 0,
    lastWindowBp: null,
    liveDeltaMilli: 0,
    livePair: { state: "flat", ratioBp: null },
    outOfBalanceRun: 0,
    singleLeg: false,
    openEpisodes: {},
    sessions: [],
    breaches: [],
  };
}

export function tallyFor(team: TeamCompliance, session: number): SessionTally {
  let tally = team.sessions.find((s) => s.session === session);
  if (!tally) {
    tally = { session, coverageBpSum: 0, windows: 0, ticks: 0, ticksOk: 0, closed: false };
    team.sessions.push(tally);
  }
  tally.closed = false;
  return tally;
}

/**
 * Closes the market maker's coverage window: C_w = quoted / required instrument-seconds. A window in which no
 * option was required (or no second sampled) is no window: it does not count and lifts any reduced rebate.
 */
export function closeWindow(
  team: TeamCompliance,
  tally: SessionTally,
  at: { atMs: number; session: number },
  rules: ComplianceConfig["marketMaker"],
) {
  if (team.windowRequired === 0) {
    team.lastWindowBp = null;
  } else {
    const bp = shareBp(team.windowQuoted, team.windowRequired);
    team.lastWindowBp = bp;
    tally.coverageBpSum += bp;
    tally.windows++;
    tally.ticks++;
    if (bp >= rules.windowMinBp) tally.ticksOk++;
    else
      record(team, {
        ...at,
        code: "MM_WINDOW_COVERAGE",
        penaltyBp: 0,
        value: bp,
        message: `Window coverage ${pct(bp)} under ${pct(rules.windowMinBp)}: reduced maker rebate next window.`,
      });
  }
  team.windowQuoted = 0;
  team.windowRequired = 0;
}

/** A tick boundary for the hedge fund: |Δ| above the limit is one breach tick (GAME.md §11.3). */
export function hedgeFundTick(
  team: TeamCompliance,
  tally: SessionTally,
  at: { atMs: number; session: number },
  rules: ComplianceConfig["hedgeFund"],
) {
  tally.ticks++;
  const delta = team.liveDeltaMilli;
  if (Math.abs(delta) <= rules.deltaLimitMilli) {
    tally.ticksOk++;
    return;
  }
  record(team, {
    ...at,
    code: "HF_DELTA",
    penaltyBp: rules.breachTickPenaltyBp,
    value: delta,
    message: `Δ ${milli(delta)} outside ±${milli(rules.deltaLimitMilli)} at a tick boundary.`,
  });
}

/**
 * A tick boundary for the arbitrage desk (GAME.md §11.4): more than N consecutive ticks out of balance costs once
 * per run (the run continues over the night: positions do), a single-leg episode costs once when it starts.
 */
export function arbitrageTick(
  team: TeamCompliance,
  tally: SessionTally,
  at: { atMs: number; session: number },
  rules: ComplianceConfig["arbitrage"],
) {
  tally.ticks++;
  const { state, ratioBp } = team.livePair;
  const single = state === "single_leg";
  if (single && !team.singleLeg)
    record(team, {
      ...at,
      code: "ARB_SINGLE_LEG",
      penaltyBp: rules.singleLegPenaltyBp,
      value: 0,
      message: "Single-leg exposure: one product only at a tick boundary.",
    });
  team.singleLeg = single;
  if (inBalance(state)) {
    tally.ticksOk++;
    team.outOfBalanceRun = 0;
    return;
  }
  team.outOfBalanceRun++;
  if (team.outOfBalanceRun === rules.maxConsecutiveTicks + 1)
    record(team, {
      ...at,
      code: "ARB_IMBALANCE_RUN",
      penaltyBp: rules.imbalancePenaltyBp,
      value: ratioBp ?? 0,
      message: `Out of balance for more than ${rules.maxConsecutiveTicks} consecutive ticks.`,
    });
}

/** Session-level findings at its close: MM uptime warning/flag, arbitrage persistent imbalance. */
export function closeTally(
  team: TeamCompliance,
  tally: SessionTally,
  atMs: number,
  config: ComplianceConfig,
) {
  const at = { atMs, session: tally.session };
  if (team.role === "market_maker") {
    if (team.windowRequired > 0) closeWindow(team, tally, at, config.marketMaker);
    const mm = config.marketMaker;
    if (tally.windows > 0) {
      const uptime = Math.floor(tally.coverageBpSum / tally.windows);
      if (uptime < mm.flagBelowBp)
        recordOnce(team, {
          ...at,
          code: "MM_UPTIME_FLAG",
          penaltyBp: 0,
          value: uptime,
          message: `Session uptime ${pct(uptime)} under ${pct(mm.flagBelowBp)}: flagged to the instructor.`,
        });
      else if (uptime < mm.warnBelowBp)
        recordOnce(team, {
          ...at,
          code: "MM_UPTIME_WARNING",
          penaltyBp: 0,
          value: uptime,
          message: `Session uptime ${pct(uptime)} under ${pct(mm.warnBelowBp)}: warning.`,
        });
    }
  }
  if (team.role === "arbitrage_desk" && tally.ticks > 0) {
    const out = tally.ticks - tally.ticksOk;
    const arb = config.arbitrage;
    if (out * BP > arb.persistentShareBp * tally.ticks)
      recordOnce(team, {
        ...at,
        code: "ARB_PERSISTENT_IMBALANCE",
        penaltyBp: arb.persistentPenaltyBp,
        value: Math.floor((out * BP) / tally.ticks),
        message: `Out of balance at ${out} of ${tally.ticks} ticks this session (over ${pct(arb.persistentShareBp)}).`,
      });
  }
  tally.closed = true;
}

/**
 * Position limits (GAME.md §11.5): an episode runs from the first breach of a limit (an option's, or the total)
 * until it is back within; it counts once, at its worst tier.
 */
export function checkPositionLimits(
  team: TeamCompliance,
  positions: Readonly<Record<string, number>>,
  at: { atMs: number; session: number },
  config: ComplianceConfig,
) {
  const found = overages(positions, config.positionLimits[team.role]);
  const over = new Set<string>();
  for (const o of found) {
    over.add(o.scope);
    const tier = breachTier(o, config.breachTiers);
    const value = overageBp(o);
    const index = team.openEpisodes[o.scope];
    const open = index === undefined ? undefined : team.breaches[index];
    if (!open || open.tier === undefined) {
      team.openEpisodes[o.scope] = team.breaches.length;
      record(team, {
        ...at,
        code: "POSITION_LIMIT",
        penaltyBp: tierPenaltyBp(tier, config.breachTiers),
        value,
        scope: o.scope,
        tier,
        endedAtMs: null,
        message: limitMessage(o.scope, o.held, o.limit, tier),
      });
      continue;
    }
    const worst = worseTier(open.tier, tier);
    if (value > open.value) {
      open.value = value;
      open.message = limitMessage(o.scope, o.held, o.limit, worst);
    }
    open.tier = worst;
    open.penaltyBp = tierPenaltyBp(worst, config.breachTiers);
  }
  for (const [scope, index] of Object.entries(team.openEpisodes)) {
    if (over.has(scope)) continue;
    const b = team.breaches[index];
    if (b) b.endedAtMs = at.atMs;
    delete team.openEpisodes[scope];
  }
}

function record(team: TeamCompliance, breach: Breach) {
  team.breaches.push(breach);
}

/** Session-level records: at most one per session and code (a session reopened and closed again adds none). */
function recordOnce(team: TeamCompliance, breach: Breach) {
  if (!team.breaches.some((b) => b.session === breach.session && b.code === breach.code))
    record(team, breach);
}

function limitMessage(scope: string, held: number, limit: number, tier: string): string {
  const what = scope === "total" ? "Total option position" : `Position in ${scope}`;
  return `${what} ${held} over the limit of ${limit} (${tier} breach).`;
}
