import type { ExchangeEffects } from "../exchange";
import type { GameRecord, OrderSource, ServerMessage, TradingCommand } from "../protocol";

type Fill = Extract<ServerMessage, { type: "fill" }>;

/**
 * Turns what the exchange did into durable game records (`protocol/game-records.ts`), numbered from `nextSeq`.
 * Deterministic: the same journal gives the same records with the same seq, so the server's idempotent ingest
 * can take any batch twice. Orders are recorded at acceptance (resting or filled at once), cancellation, full fill
 * and rejection; every fill once per side; every trade with both teams.
 */
export class GameRecorder {
  readonly #records: GameRecord[] = [];

  constructor(private nextSeq: number) {}

  effects(effects: ExchangeEffects, at: number) {
    const fills: { account: string; fill: Fill }[] = [];
    for (const { to, msg } of effects.events) {
      if (to.kind === "public") continue;
      const teamId = to.account;
      if (msg.type === "fill") {
        fills.push({ account: teamId, fill: msg });
        this.#push({
          kind: "fill",
          seq: 0,
          at,
          tradeId: msg.tradeId,
          teamId,
          orderId: msg.orderId,
          instrument: msg.instrument,
          side: msg.side,
          price: msg.price,
          quantity: msg.quantity,
          feeCents: msg.feeCents,
          liquidity: msg.liquidity,
          source: msg.source,
        });
        if (msg.remaining === 0) this.#order(teamId, msg, "filled", null, at);
      } else if (msg.type === "order_resting") {
        const o = msg.order;
        this.#push({
          kind: "order",
          seq: 0,
          at,
          orderId: o.orderId,
          teamId,
          instrument: o.instrument,
          side: o.side,
          orderType: "limit",
          price: o.price,
          quantity: o.quantity,
          event: "accepted",
          reason: null,
          source: o.source,
        });
      } else if (msg.type === "order_cancelled") {
        this.#push({
          kind: "order",
          seq: 0,
          at,
          orderId: msg.orderId,
          teamId,
          instrument: msg.instrument,
          side: msg.side,
          orderType: "limit",
          price: msg.price,
          quantity: msg.remaining,
          event: "cancelled",
          reason: msg.reason,
          source: msg.source,
        });
      }
    }
    this.#trades(fills, at);
  }

  /** A rejected command, with what the trader asked for. */
  rejected(command: TradingCommand, teamId: string, code: string, source: OrderSource, at: number) {
    if (command.type !== "place_order" && command.type !== "quote") return;
    const price = command.type === "place_order" ? (command.price ?? null) : command.bid.price;
    this.#push({
      kind: "order",
      seq: 0,
      at,
      orderId: `rejected-${this.nextSeq}`,
      teamId,
      instrument: command.instrument.slice(0, 64) || "-",
      side: command.type === "place_order" ? command.side : "buy",
      orderType: command.type === "place_order" ? command.orderType : "limit",
      price,
      quantity: command.type === "place_order" ? command.quantity : command.bid.quantity,
      event: "rejected",
      reason: code.slice(0, 64),
      source,
    });
  }

  score(s: {
    teamId: string;
    scope: "session" | "final";
    session: number;
    pnlCents: number;
    scoreBp: number;
    at: number;
  }) {
    this.#push({ kind: "score", seq: 0, ...s, scoreBp: Math.max(0, Math.min(10_000, s.scoreBp)) });
  }

  coverage(c: { teamId: string; coverageBp: number; penaltyBp: number; at: number }) {
    this.#push({ kind: "coverage", seq: 0, ...c, coverageBp: Math.max(0, Math.min(10_000, c.coverageBp)) });
  }

  run(r: { run: number; seed: number; origin: "start" | "reset" | "rematch"; at: number }) {
    this.#push({ kind: "run", seq: 0, ...r });
  }

  news(headline: string, at: number) {
    this.#push({ kind: "news", seq: 0, at, headline: headline.slice(0, 200) });
  }

  marks(marks: Record<string, number>, at: number) {
    for (const [instrument, markTicks] of Object.entries(marks).sort(([a], [b]) => (a < b ? -1 : 1))) {
      this.#push({ kind: "mark", seq: 0, at, instrument, markTicks });
    }
  }

  get seq(): number {
    return this.nextSeq;
  }

  drain(): GameRecord[] {
    return this.#records.splice(0);
  }

  #order(teamId: string, fill: Fill, event: "filled", reason: null, at: number) {
    this.#push({
      kind: "order",
      seq: 0,
      at,
      orderId: fill.orderId,
      teamId,
      instrument: fill.instrument,
      side: fill.side,
      orderType: "limit",
      price: fill.price,
      quantity: fill.quantity,
      event,
      reason,
      source: fill.source,
    });
  }

  /** One trade record per trade id, naming the buying and the selling team. */
  #trades(fills: { account: string; fill: Fill }[], at: number) {
    const byTrade = new Map<string, { buy?: string; sell?: string; fill: Fill }>();
    for (const { account, fill } of fills) {
      const entry = byTrade.get(fill.tradeId) ?? { fill };
      if (fill.side === "buy") entry.buy = account;
      else entry.sell = account;
      byTrade.set(fill.tradeId, entry);
    }
    for (const [tradeId, { buy, sell, fill }] of byTrade) {
      if (!buy || !sell) continue;
      this.#push({
        kind: "trade",
        seq: 0,
        at,
        tradeId,
        instrument: fill.instrument,
        price: fill.price,
        quantity: fill.quantity,
        aggressor:
          fill.liquidity === "auction"
            ? null
            : fill.liquidity === "taker"
              ? fill.side
              : fill.side === "buy"
                ? "sell"
                : "buy",
        buyTeamId: buy,
        sellTeamId: sell,
      });
    }
  }

  #push(record: GameRecord) {
    this.#records.push({ ...record, seq: this.nextSeq++ } as GameRecord);
  }
}
