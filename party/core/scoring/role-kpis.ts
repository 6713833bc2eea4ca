import { banded, type Kpi, ranked, type TeamKpis } from "./kpi";
import { BANDS, DRAWDOWN_BANDS, SHARPE_BANDS } from "./kpi-bands";
import { maxDrawdownBp, type PnlSample, sessionPnls, sharpeMilli } from "./risk-metrics";
import { BP, roundDiv } from "./scoring-math";
import type { TeamRole } from "./team-role";
import {
  attributeSignals,
  type KpiFill,
  roundTrips,
  type SignalEvent,
  signalResponseMs,
  signalUtilisationBp,
  spreadCaptureBp,
  volumeOf,
} from "./trade-metrics";

/** GAME.md §8.2 `reference_capital`: $1,000,000 per team, in cents. */
export const REFERENCE_CAPITAL_CENTS = 100_000_000;

/** What a period's compliance record gives the KPIs (GAME.md §11): the room's monitor measures these live. */
export type ComplianceKpis = {
  /** Market maker: mean window coverage U (bp). */
  uptimeBp: number | null;
  /** Hedge fund: ticks within the delta limit / ticks; arbitrage desk: ticks in balance / ticks (bp). */
  ticksOkBp: number | null;
  penaltyBp: number;
};

/** A team's records over one scoring period, as the exchange keeps them. */
export type KpiInput = {
  teamId: string;
  role: TeamRole;
  /** P&L per tick boundary, cents since the period's start value `startPnlCents` (default 0). */
  pnl: readonly PnlSample[];
  fills: readonly KpiFill[];
  /** Marks at the end of the period (ticks per instrument), for trade results. */
  finalMarks: Readonly<Record<string, number>>;
  /** The period's compliance figures (party/core/compliance measures them live). */
  compliance: ComplianceKpis;
  /** Signals the team received (hedge fund, arbitrage desk). */
  signals?: readonly SignalEvent[];
  startPnlCents?: number;
  /** Option positions at the period's start (round trips count from flat). */
  startPositions?: Readonly<Record<string, number>>;
};

export type KpiContext = {
  /** Contracts traded in the whole market over the period (each trade once), for volume share. */
  marketVolumeContracts: number;
  referenceCapitalCents?: number;
  sessionsPerYear?: number;
};

/** The role's KPIs (GAME.md §12.3) plus the risk pair (Sharpe, max drawdown) for one team over one period. */
export function computeKpis(input: KpiInput, context: KpiContext): TeamKpis {
  const capital = context.referenceCapitalCents ?? REFERENCE_CAPITAL_CENTS;
  const start = input.startPnlCents ?? 0;
  const measured = input.pnl.length > 0;
  const pnlCents = lastPnl(input.pnl, start);
  const fills = attributeSignals(input.fills, input.signals ?? []);
  const primary =
    input.role === "market_maker"
      ? marketMakerKpis(input, fills, pnlCents, measured, context)
      : input.role === "hedge_fund"
        ? hedgeFundKpis(input, fills, pnlCents, measured, capital)
        : arbitrageKpis(input, fills, pnlCents, measured);
  const sharpe = sharpeMilli(sessionPnls(input.pnl, start), context.sessionsPerYear);
  const drawdown = measured ? maxDrawdownBp(input.pnl, capital, start) : null;
  return {
    teamId: input.teamId,
    role: input.role,
    measured,
    pnlCents,
    penaltyBp: input.compliance.penaltyBp,
    kpis: [
      ...primary,
      banded("SHARPE", "Sharpe (annualised)", "risk", sharpe, "milli", SHARPE_BANDS[input.role]),
      banded("MAX_DRAWDOWN", "Max drawdown", "risk", drawdown, "bp", DRAWDOWN_BANDS[input.role]),
    ],
  };
}

function marketMakerKpis(
  input: KpiInput,
  fills: readonly KpiFill[],
  pnl: number,
  measured: boolean,
  context: KpiContext,
): Kpi[] {
  const volume = volumeOf(fills);
  const share =
    context.marketVolumeContracts > 0 ? Math.floor((volume * BP) / context.marketVolumeContracts) : null;
  return [
    ranked("PNL", "P&L", measured ? pnl : null, "cents", "higher"),
    banded(
      "SPREAD_CAPTURE",
      "Spread capture efficiency",
      "primary",
      spreadCaptureBp(fills),
      "bp",
      BANDS.spreadCapture,
    ),
    banded("QUOTE_UPTIME", "Quote uptime", "primary", input.compliance.uptimeBp, "bp", BANDS.quoteUptime),
    banded("VOLUME_SHARE", "Volume share", "primary", share, "bp", BANDS.volumeShare),
    banded(
      "INVENTORY_TURNOVER",
      "Inventory turnover per session",
      "primary",
      turnoverMilli(input.pnl, volume),
      "milli",
      BANDS.inventoryTurnover,
    ),
    ranked(
      "FEE_REVENUE",
      "Fee revenue",
      measured ? fills.reduce((s, f) => s + f.feeCents, 0) : null,
      "cents",
      "higher",
    ),
  ];
}

function hedgeFundKpis(
  input: KpiInput,
  fills: readonly KpiFill[],
  pnl: number,
  measured: boolean,
  capital: number,
): Kpi[] {
  const signals = input.signals ?? [];
  return [
    banded(
      "RETURN_ON_CAPITAL",
      "Return on capital",
      "primary",
      measured ? Math.floor((pnl * BP) / capital) : null,
      "bp",
      BANDS.returnOnCapital,
    ),
    banded(
      "SIGNAL_UTILISATION",
      "Signals acted on profitably",
      "primary",
      signalUtilisationBp(fills, signals, input.finalMarks),
      "bp",
      BANDS.signalUtilisation,
    ),
    ranked("DELTA_COMPLIANCE", "Ticks within the delta limit", input.compliance.ticksOkBp, "bp", "higher"),
  ];
}

function arbitrageKpis(input: KpiInput, fills: readonly KpiFill[], pnl: number, measured: boolean): Kpi[] {
  const trips = roundTrips(fills, input.startPositions);
  return [
    ranked("PNL", "P&L", measured ? pnl : null, "cents", "higher"),
    ranked(
      "CONVERGENCE_PNL",
      "Round-trip (convergence) P&L",
      measured ? trips.pnlCents : null,
      "cents",
      "higher",
    ),
    ranked("ROUND_TRIPS", "Completed round trips", measured ? trips.count : null, "count", "higher"),
    banded(
      "SIGNAL_RESPONSE",
      "Signal response time",
      "primary",
      signalResponseMs(fills, input.signals ?? []),
      "ms",
      BANDS.signalResponse,
    ),
    ranked("PAIR_BALANCE", "Ticks in balance", input.compliance.ticksOkBp, "bp", "higher"),
  ];
}

/**
 * Contracts traded per session / average Σ |position| (thousandths of ×). The average is floored at one contract,
 * so a book flat at every sample has a finite (high) turnover. Null without position samples.
 */
function turnoverMilli(samples: readonly PnlSample[], volume: number): number | null {
  const withGross = samples.filter((s) => s.grossContracts !== undefined);
  if (withGross.length === 0) return null;
  const sessions = new Set(samples.map((s) => s.session)).size;
  const gross = withGross.reduce((n, s) => n + (s.grossContracts ?? 0), 0);
  return roundDiv(volume * withGross.length * 1_000, sessions * Math.max(gross, withGross.length));
}

function lastPnl(samples: readonly PnlSample[], start: number): number {
  let last: PnlSample | undefined;
  for (const s of samples) if (!last || s.atMs >= last.atMs) last = s;
  return last?.pnlCents ?? start;
}
