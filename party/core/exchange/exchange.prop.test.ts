import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerRole } from "../ledger";
import type { Phase } from "../phases";
import { DEFAULT_ROLE_LIMITS } from "../risk";
import { defaultExchangeConfig } from "./default-config";
import { Exchange } from "./exchange";
import type { ExchangeCommand } from "./types";

/** Fixed seed: a failure prints it and the shrunk command list, and reproduces exactly. */
const SEED = 20_261_124;
const INSTRUMENTS = ["SPX_4400_CALL_2024-02-15", "SPY_440_PUT_2024-02-15"];
const ACCOUNTS: Record<string, LedgerRole> = {
  mm: "market_maker",
  hf: "hedge_fund",
  arb: "arbitrage_desk",
  r1: "retail",
};
const config = defaultExchangeConfig(INSTRUMENTS);

type Step =
  | {
      kind: "place";
      account: string;
      instrument: number;
      side: "buy" | "sell";
      market: boolean;
      ioc: boolean;
      price: number;
      quantity: number;
    }
  | { kind: "quote"; account: string; instrument: number; bid: number; width: number; size: number }
  | { kind: "cancel"; account: string; order: number }
  | { kind: "cancel_all"; account: string }
  | { kind: "phase"; phase: Phase };

const account = fc.constantFrom(...Object.keys(ACCOUNTS));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("place" as const),
      account,
      instrument: fc.integer({ min: 0, max: 1 }),
      side: fc.constantFrom("buy" as const, "sell" as const),
      market: fc.boolean(),
      ioc: fc.boolean(),
      price: fc.integer({ min: 95, max: 105 }),
      quantity: fc.integer({ min: 1, max: 60 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("quote" as const),
      account: fc.constant("mm"),
      instrument: fc.integer({ min: 0, max: 1 }),
      bid: fc.integer({ min: 94, max: 104 }),
      width: fc.integer({ min: 1, max: 6 }),
      size: fc.integer({ min: 5, max: 40 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("cancel" as const), account, order: fc.nat(120) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel_all" as const), account }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("phase" as const),
      phase: fc.constantFrom<Phase>(
        "pre_open",
        "opening_auction",
        "continuous",
        "continuous",
        "paused",
        "closed",
      ),
    }),
  },
);

function toCommand(step: Step, at: number): ExchangeCommand {
  const cid = `c${at}`;
  switch (step.kind) {
    case "place":
      return {
        type: "place",
        at,
        account: step.account,
        cid,
        source: "bot",
        instrument: INSTRUMENTS[step.instrument] as string,
        side: step.side,
        orderType: step.market ? "market" : "limit",
        price: step.market ? undefined : step.price,
        quantity: step.quantity,
        tif: step.ioc ? "ioc" : "gtc",
      };
    case "quote":
      return {
        type: "quote",
        at,
        account: step.account,
        cid,
        source: "bot",
        instrument: INSTRUMENTS[step.instrument] as string,
        bid: { price: step.bid, quantity: step.size },
        ask: { price: step.bid + step.width, quantity: step.size },
      };
    case "cancel":
      return { type: "cancel", at, account: step.account, cid, orderId: `o${step.order}` };
    case "cancel_all":
      return { type: "cancel_all", at, account: step.account, cid };
    case "phase":
      return { type: "set_phase", at, phase: step.phase };
  }
}

function fresh(): Exchange {
  const ex = new Exchange(config);
  for (const [account, role] of Object.entries(ACCOUNTS)) ex.handle({ type: "open_account", account, role });
  ex.handle({ type: "set_phase", at: 0, phase: "continuous" });
  return ex;
}

function checkInvariants(ex: Exchange) {
  // Limits can never be exceeded: worst-case exposure (fills plus all open orders) stays inside every role's limits.
  for (const [account, role] of Object.entries(ACCOUNTS)) {
    const { perInstrument, total } = ex.exposure(account);
    const limits = DEFAULT_ROLE_LIMITS[role];
    for (const worst of Object.values(perInstrument)) expect(worst).toBeLessThanOrEqual(limits.perInstrument);
    expect(total).toBeLessThanOrEqual(limits.total);
  }
  // The book is never crossed.
  for (const instrument of INSTRUMENTS) {
    const { bids, asks } = ex.depth(instrument, 1);
    if (bids[0] && asks[0]) expect(bids[0][0]).toBeLessThan(asks[0][0]);
  }
  // Zero-sum: positions net to zero per instrument, and cash net of fees nets to zero across accounts.
  const net: Record<string, number> = {};
  let cashLessFees = 0;
  for (const account of Object.keys(ACCOUNTS)) {
    const view = ex.positions(account);
    if (!view) continue;
    cashLessFees += view.pnl.cashCents - view.pnl.feesCents;
    for (const p of view.positions) net[p.instrument] = (net[p.instrument] ?? 0) + p.position;
  }
  for (const position of Object.values(net)) expect(position).toBe(0);
  expect(cashLessFees).toBe(0);
}

describe("Exchange properties over random command streams", () => {
  it("keeps limits, an uncrossed book and zero-sum accounts after every command; replays exactly", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 120 }), fc.nat(120), (steps, cut) => {
        const commands = steps.map((step, i) => toCommand(step, 1_000 + i * 37));
        const ex = fresh();
        const effects = commands.map((command) => {
          const out = ex.handle(command);
          checkInvariants(ex);
          return out;
        });
        // Effects are plain serialisable values.
        expect(JSON.parse(JSON.stringify(effects))).toEqual(effects);

        // Replay from scratch: same effects, same state hash.
        const replay = fresh();
        expect(commands.map((c) => replay.handle(c))).toEqual(effects);
        expect(replay.hash()).toBe(ex.hash());

        // Snapshot part-way (through JSON, as the room stores it), restore, replay the journal tail.
        const at = Math.min(cut, commands.length);
        const head = fresh();
        for (const c of commands.slice(0, at)) head.handle(c);
        const restored = new Exchange(config, JSON.parse(JSON.stringify(head.snapshot())));
        expect(restored.hash()).toBe(head.hash());
        expect(commands.slice(at).map((c) => restored.handle(c))).toEqual(effects.slice(at));
        expect(restored.hash()).toBe(ex.hash());
      }),
      { seed: SEED, numRuns: 200, verbose: 1 },
    );
  });
});
