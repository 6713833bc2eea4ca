import { describe, expect, it } from "vitest";
import type { TeamKpis } from "./kpi";
import type { PnlSample } from "./risk-metrics";
import { computeKpis, type KpiInput } from "./role-kpis";
import {
  attributeSignals,
  type KpiFill,
  roundTrips,
  signalResponseMs,
  signalUtilisationBp,
  spreadCaptureBp,
} from "./trade-metrics";

const MIN = 60_000;
const fill = (over: Partial<KpiFill> & Pick<KpiFill, "side" | "price">): KpiFill => ({
  atMs: 0,
  instrument: "SPX_4400_CALL_2024-02-15",
  quantity: 10,
  liquidity: "maker",
  feeCents: 0,
  refTicks: over.price,
  ...over,
});
const kpi = (team: TeamKpis, code: string) => team.kpis.find((k) => k.code === code);
const pnl = (values: [session: number, pnlCents: number, grossContracts?: number][]): PnlSample[] =>
  values.map(([session, pnlCents, grossContracts], i) => ({
    atMs: session * 86_400_000 + i * 5 * MIN,
    session,
    pnlCents,
    ...(grossContracts === undefined ? {} : { grossContracts }),
  }));

describe("market maker KPIs (GAME.md §12.3)", () => {
  // B.1: bid 25.40 / ask 25.60 around a mid of 25.50, both sides filled (maker, +0.02 a contract).
  const b1 = [
    fill({ side: "buy", price: 2_540, refTicks: 2_550, quotedSpreadTicks: 20, feeCents: 20, atMs: 1 * MIN }),
    fill({ side: "sell", price: 2_560, refTicks: 2_550, quotedSpreadTicks: 20, feeCents: 20, atMs: 9 * MIN }),
  ];

  it("spread capture: B.1's round trip captures its whole quoted spread (100 %)", () => {
    expect(spreadCaptureBp(b1)).toBe(10_000);
    // The mid moved up 10 before the sale at 25.60: capture (25.60 − 25.40) − 0.10 = half the spread.
    expect(spreadCaptureBp([b1[0] as KpiFill, { ...(b1[1] as KpiFill), refTicks: 2_560 }])).toBe(5_000);
    expect(spreadCaptureBp([fill({ side: "buy", price: 100 })])).toBeNull(); // no quoted spread known
  });

  it("computes the role's KPIs with their bands", () => {
    const input: KpiInput = {
      teamId: "mm",
      role: "market_maker",
      pnl: pnl([
        [1, 2_000, 10],
        [1, 4_040, 30],
      ]),
      fills: b1,
      finalMarks: {},
      compliance: { uptimeBp: 9_000, ticksOkBp: null, penaltyBp: 1_000 },
    };
    const team = computeKpis(input, { marketVolumeContracts: 50 });
    expect(team).toMatchObject({ teamId: "mm", measured: true, pnlCents: 4_040, penaltyBp: 1_000 });
    expect(team.kpis.map((k) => [k.code, k.value, k.band, k.points])).toEqual([
      ["PNL", 4_040, null, null],
      ["SPREAD_CAPTURE", 10_000, "excellent", 10_000],
      ["QUOTE_UPTIME", 9_000, "good", 9_000], // 85–95 % → 90 % of the marks
      ["VOLUME_SHARE", 4_000, "good", 8_000], // 20 of 50 contracts: 40 % is not > 40 %
      ["INVENTORY_TURNOVER", 1_000, "poor", 3_000], // 20 contracts a session / average 20 held = 1×
      ["FEE_REVENUE", 40, null, null],
      ["SHARPE", null, null, null], // one session
      ["MAX_DRAWDOWN", 0, "excellent", 10_000],
    ]);
  });
});

describe("hedge fund KPIs", () => {
  const signals = [
    { id: "s1", atMs: 0 },
    { id: "s2", atMs: 10 * MIN },
    { id: "s3", atMs: 60 * MIN },
  ];
  const fills = [
    fill({ side: "buy", price: 100, atMs: 1 * MIN, feeCents: -20 }), // s1; marked 150 at the end: +49,980
    fill({ side: "buy", price: 200, atMs: 12 * MIN, instrument: "X", feeCents: -20 }), // s2 (the latest): loses
    fill({ side: "sell", price: 100, atMs: 36 * MIN, feeCents: -20 }), // 26 min after s2: no signal trade
  ];

  it("a trade within 5 ticks after a signal answers the latest such signal (GAME.md §12.3)", () => {
    expect(attributeSignals(fills, signals).map((f) => f.signalId)).toEqual(["s1", "s2", null]);
    // An explicit attribution is kept.
    expect(attributeSignals([{ ...(fills[2] as KpiFill), signalId: "s3" }], signals)[0]?.signalId).toBe("s3");
  });

  it("signal utilisation = signals acted on profitably / signals: 1 of 3", () => {
    const attributed = attributeSignals(fills, signals);
    expect(signalUtilisationBp(attributed, signals, { "SPX_4400_CALL_2024-02-15": 150, X: 190 })).toBe(3_333);
    expect(signalUtilisationBp(attributed, [], {})).toBeNull();
  });

  it("return on capital, utilisation and delta compliance", () => {
    const team = computeKpis(
      {
        teamId: "hf",
        role: "hedge_fund",
        pnl: pnl([
          [1, 5_000_000],
          [2, 15_000_000],
        ]),
        fills,
        signals,
        finalMarks: { "SPX_4400_CALL_2024-02-15": 150, X: 190 },
        compliance: { uptimeBp: null, ticksOkBp: 9_500, penaltyBp: 400 },
      },
      { marketVolumeContracts: 1_000 },
    );
    expect(team.kpis.map((k) => [k.code, k.value, k.band, k.points])).toEqual([
      ["RETURN_ON_CAPITAL", 1_500, "good", 8_000], // $150,000 on $1M: 15 % is not > 15 %
      ["SIGNAL_UTILISATION", 3_333, "poor", 3_000],
      ["DELTA_COMPLIANCE", 9_500, null, null],
      // Sessions +$50,000 and +$100,000: mean 75,000 / sd 35,355 × √252 = 33.67.
      ["SHARPE", 33_675, "excellent", 10_000],
      ["MAX_DRAWDOWN", 0, "excellent", 10_000],
    ]);
  });
});

describe("arbitrage desk KPIs", () => {
  const spx = "SPX_4400_CALL_2024-02-15";
  const spy = "SPY_440_CALL_2024-02-15";
  const trip = [
    fill({ side: "buy", price: 100, quantity: 1, instrument: spx, atMs: 1 * MIN, feeCents: -2 }),
    fill({ side: "sell", price: 10, quantity: 10, instrument: spy, atMs: 2 * MIN, feeCents: -20 }),
    fill({ side: "buy", price: 9, quantity: 10, instrument: spy, atMs: 20 * MIN, feeCents: -20 }),
    fill({ side: "sell", price: 104, quantity: 1, instrument: spx, atMs: 21 * MIN, feeCents: -2 }),
  ];

  it("a round trip runs from flat to flat; its P&L is realised: +400 + 1,000 − 44 fees", () => {
    expect(roundTrips(trip)).toEqual({ count: 1, pnlCents: 1_356, profitable: 1 });
    // A trip still open is not counted; a book not flat at the start counts from its first flat moment.
    expect(roundTrips([...trip, fill({ side: "buy", price: 5, atMs: 30 * MIN })]).count).toBe(1);
    expect(roundTrips(trip.slice(2), { [spy]: -10, [spx]: 1 })).toEqual({
      count: 0,
      pnlCents: 0,
      profitable: 0,
    });
    expect(roundTrips([...trip].reverse()).count).toBe(1); // fills are taken in time order
  });

  it("signal response = mean time from a signal to its first trade; bands ≤ 1 tick, 2–3, 4–5, slower", () => {
    const signals = [
      { id: "a", atMs: 0 },
      { id: "b", atMs: 19 * MIN },
      { id: "c", atMs: 100 * MIN }, // never answered: not in the mean
    ];
    const attributed = attributeSignals(trip, signals);
    expect(attributed.map((f) => f.signalId)).toEqual(["a", "a", "b", "b"]);
    expect(signalResponseMs(attributed, signals)).toBe(1 * MIN); // a after 1 min, b after 1 min
    const team = computeKpis(
      {
        teamId: "arb",
        role: "arbitrage_desk",
        pnl: pnl([[1, 1_356]]),
        fills: trip,
        signals,
        finalMarks: {},
        compliance: { uptimeBp: null, ticksOkBp: 10_000, penaltyBp: 0 },
      },
      { marketVolumeContracts: 100 },
    );
    expect(team.kpis.map((k) => [k.code, k.value, k.band])).toEqual([
      ["PNL", 1_356, null],
      ["CONVERGENCE_PNL", 1_356, null],
      ["ROUND_TRIPS", 1, null],
      ["SIGNAL_RESPONSE", 60_000, "excellent"],
      ["PAIR_BALANCE", 10_000, null],
      ["SHARPE", null, null],
      ["MAX_DRAWDOWN", 0, "excellent"],
    ]);
  });
});

describe("a team not measured yet", () => {
  it("has no P&L KPIs and measured = false", () => {
    const team = computeKpis(
      {
        teamId: "x",
        role: "arbitrage_desk",
        pnl: [],
        fills: [],
        finalMarks: {},
        compliance: { uptimeBp: null, ticksOkBp: null, penaltyBp: 0 },
      },
      { marketVolumeContracts: 0 },
    );
    expect(team.measured).toBe(false);
    expect(team.kpis.every((k) => k.value === null)).toBe(true);
    expect(kpi(team, "PNL")?.points).toBeNull();
  });
});
