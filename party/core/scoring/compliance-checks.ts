import type { ComplianceConfig } from "./compliance-config";
import type { ComplianceCheck, SessionTally, TeamCompliance } from "./compliance-types";
import { inBalance } from "./pair-balance";
import { milli, pct } from "./text-format";

/** The checks a team sees now (GAME.md §11): its role's obligation and its position limits. */
export function teamChecks(
  team: TeamCompliance,
  tally: SessionTally | undefined,
  config: ComplianceConfig,
): ComplianceCheck[] {
  const role =
    team.role === "market_maker"
      ? marketMakerChecks(team, tally, config.marketMaker)
      : team.role === "hedge_fund"
        ? [hedgeFundCheck(team, tally, config.hedgeFund)]
        : [arbitrageCheck(team, config.arbitrage)];
  return [...role, positionCheck(team)];
}

function marketMakerChecks(
  team: TeamCompliance,
  tally: SessionTally | undefined,
  mm: ComplianceConfig["marketMaker"],
): ComplianceCheck[] {
  const live =
    team.windowRequired > 0 ? Math.floor((team.windowQuoted * 10_000) / team.windowRequired) : null;
  const window = live ?? team.lastWindowBp;
  const uptime = tally && tally.windows > 0 ? Math.floor(tally.coverageBpSum / tally.windows) : null;
  return [
    {
      code: "MM_QUOTE_COVERAGE",
      label: "Quote coverage (5-minute window)",
      ok: window === null || window >= mm.windowMinBp,
      value: window,
      threshold: mm.windowMinBp,
      unit: "bp",
      message:
        window === null
          ? "Quote every option two-sided: ≥ 10 a side, spread ≤ 10% of mid."
          : window >= mm.windowMinBp
            ? `${pct(window)} of options quoted.`
            : `${pct(window)} of options quoted, under ${pct(mm.windowMinBp)}: the maker rebate drops next window.`,
    },
    {
      code: "MM_SESSION_UPTIME",
      label: "Session uptime",
      ok: uptime === null || uptime >= mm.windowMinBp,
      value: uptime,
      threshold: mm.windowMinBp,
      unit: "bp",
      message:
        uptime === null
          ? "Measured from the first closed window."
          : uptime < mm.flagBelowBp
            ? `Uptime ${pct(uptime)}: under ${pct(mm.flagBelowBp)} the instructor is alerted.`
            : uptime < mm.warnBelowBp
              ? `Uptime ${pct(uptime)}: under ${pct(mm.warnBelowBp)}, a warning.`
              : uptime < mm.windowMinBp
                ? `Uptime ${pct(uptime)}: below the ${pct(mm.windowMinBp)} obligation.`
                : `Uptime ${pct(uptime)}: obligation met.`,
    },
  ];
}

function hedgeFundCheck(
  team: TeamCompliance,
  tally: SessionTally | undefined,
  hf: ComplianceConfig["hedgeFund"],
): ComplianceCheck {
  const delta = team.liveDeltaMilli;
  const ok = Math.abs(delta) <= hf.deltaLimitMilli;
  const breaches = tally ? tally.ticks - tally.ticksOk : 0;
  return {
    code: "HF_DELTA",
    label: "Portfolio delta",
    ok,
    value: delta,
    threshold: hf.deltaLimitMilli,
    unit: "delta_milli",
    message: ok
      ? `Δ ${milli(delta)} within ±${milli(hf.deltaLimitMilli)} (${breaches} breach ticks this session).`
      : `Δ ${milli(delta)} outside ±${milli(hf.deltaLimitMilli)}: each tick boundary out costs ${pct(hf.breachTickPenaltyBp)}.`,
  };
}

function arbitrageCheck(team: TeamCompliance, arb: ComplianceConfig["arbitrage"]): ComplianceCheck {
  const { state, ratioBp } = team.livePair;
  const band = `${pct(arb.minRatioBp)}–${pct(arb.maxRatioBp)}`;
  return {
    code: "ARB_PAIR_BALANCE",
    label: "SPX/SPY balance",
    ok: inBalance(state),
    value: ratioBp,
    threshold: arb.maxRatioBp,
    thresholdLow: arb.minRatioBp,
    unit: "bp",
    message:
      state === "flat"
        ? "Flat: balanced."
        : state === "single_leg"
          ? "Single-leg exposure: trade the other product (−10% once per episode)."
          : state === "balanced"
            ? `V_SPX / V_SPY ${pct(ratioBp ?? 0)} within ${band}.`
            : `V_SPX / V_SPY ${pct(ratioBp ?? 0)} outside ${band} (${team.outOfBalanceRun} ticks in a row).`,
  };
}

function positionCheck(team: TeamCompliance): ComplianceCheck {
  let worst = 0;
  const scopes: string[] = [];
  for (const [scope, index] of Object.entries(team.openEpisodes)) {
    scopes.push(scope);
    worst = Math.max(worst, team.breaches[index]?.value ?? 0);
  }
  return {
    code: "POSITION_LIMIT",
    label: "Position limits",
    ok: scopes.length === 0,
    value: worst,
    threshold: 0,
    unit: "bp",
    message:
      scopes.length === 0
        ? "Within limits."
        : `Over the limit: ${scopes.join(", ")} (worst ${pct(worst)} over).`,
  };
}
