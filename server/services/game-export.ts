import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db";
import { fillRecord, markRecord, orderRecord } from "../db/schema";
import { decimal2, toCsv } from "./csv";
import { getGameForUser } from "./game";
import { ServiceError } from "./service-error";

export const EXPORT_KINDS = ["orders", "fills", "positions", "marks"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * A CSV of the game's records. Instructors export the whole game (or one team); players export their own team
 * only. Prices are in dollars with two decimals, fees in dollars, times in game-epoch ms.
 */
export async function exportCsv(
  db: Db,
  input: { userId: string; gameId: string; kind: ExportKind; teamId?: string },
) {
  const view = await getGameForUser(db, input.gameId, input.userId);
  const teamId = view.access === "instructor" ? input.teamId : view.team?.id;
  if (view.access === "player" && input.teamId && input.teamId !== teamId) {
    throw new ServiceError("NOT_IN_GAME", "Players can export only their own team's records.");
  }
  const names = new Map(view.teams.map((t) => [t.id, t.name]));
  const team = (id: string) => names.get(id) ?? id;

  if (input.kind === "fills") {
    const where: SQL[] = [eq(fillRecord.gameId, input.gameId)];
    if (teamId) where.push(eq(fillRecord.teamId, teamId));
    const rows = await db
      .select()
      .from(fillRecord)
      .where(and(...where))
      .orderBy(asc(fillRecord.seq));
    return toCsv(
      [
        "seq",
        "at",
        "team",
        "order_id",
        "trade_id",
        "instrument",
        "side",
        "quantity",
        "price",
        "fee",
        "liquidity",
        "source",
      ],
      rows.map((r) => [
        r.seq,
        r.at,
        team(r.teamId),
        r.orderId,
        r.tradeId,
        r.instrument,
        r.side,
        r.quantity,
        decimal2(r.price),
        decimal2(r.feeCents),
        r.liquidity,
        r.source,
      ]),
    );
  }
  if (input.kind === "orders") {
    const where: SQL[] = [eq(orderRecord.gameId, input.gameId)];
    if (teamId) where.push(eq(orderRecord.teamId, teamId));
    const rows = await db
      .select()
      .from(orderRecord)
      .where(and(...where))
      .orderBy(asc(orderRecord.seq));
    return toCsv(
      [
        "seq",
        "at",
        "team",
        "order_id",
        "instrument",
        "side",
        "type",
        "quantity",
        "price",
        "event",
        "reason",
        "source",
      ],
      rows.map((r) => [
        r.seq,
        r.at,
        team(r.teamId),
        r.orderId,
        r.instrument,
        r.side,
        r.orderType,
        r.quantity,
        r.price === null ? null : decimal2(r.price),
        r.event,
        r.reason,
        r.source,
      ]),
    );
  }
  const rows = await db
    .select()
    .from(markRecord)
    .where(eq(markRecord.gameId, input.gameId))
    .orderBy(asc(markRecord.seq));
  if (input.kind === "positions") return positionsCsv(db, input.gameId, teamId, rows, team);
  return toCsv(
    ["seq", "at", "instrument", "mark"],
    rows.map((r) => [r.seq, r.at, r.instrument, decimal2(r.markTicks)]),
  );
}

/**
 * Positions per team and option, from the fills: net contracts, contracts and average price bought and sold, fees,
 * and the last recorded mark with the position's value at it (prices in dollars, money in dollars).
 */
async function positionsCsv(
  db: Db,
  gameId: string,
  teamId: string | undefined,
  marks: { instrument: string; markTicks: number }[],
  team: (id: string) => string,
) {
  const where: SQL[] = [eq(fillRecord.gameId, gameId)];
  if (teamId) where.push(eq(fillRecord.teamId, teamId));
  const fills = await db
    .select()
    .from(fillRecord)
    .where(and(...where))
    .orderBy(asc(fillRecord.seq));
  const lastMark = new Map(marks.map((m) => [m.instrument, m.markTicks]));
  type Row = {
    team: string;
    instrument: string;
    bought: number;
    boughtValue: number;
    sold: number;
    soldValue: number;
    fees: number;
  };
  const byKey = new Map<string, Row>();
  for (const f of fills) {
    const key = `${f.teamId}\u0000${f.instrument}`;
    const row = byKey.get(key) ?? {
      team: team(f.teamId),
      instrument: f.instrument,
      bought: 0,
      boughtValue: 0,
      sold: 0,
      soldValue: 0,
      fees: 0,
    };
    if (f.side === "buy") {
      row.bought += f.quantity;
      row.boughtValue += f.price * f.quantity;
    } else {
      row.sold += f.quantity;
      row.soldValue += f.price * f.quantity;
    }
    row.fees += f.feeCents;
    byKey.set(key, row);
  }
  const rows = [...byKey.values()].sort(
    (a, b) => a.team.localeCompare(b.team) || a.instrument.localeCompare(b.instrument),
  );
  return toCsv(
    [
      "team",
      "instrument",
      "position",
      "bought",
      "avg_buy",
      "sold",
      "avg_sell",
      "fees",
      "last_mark",
      "value_at_mark",
    ],
    rows.map((r) => {
      const position = r.bought - r.sold;
      const mark = lastMark.get(r.instrument);
      return [
        r.team,
        r.instrument,
        position,
        r.bought,
        r.bought === 0 ? null : decimal2(Math.round(r.boughtValue / r.bought)),
        r.sold,
        r.sold === 0 ? null : decimal2(Math.round(r.soldValue / r.sold)),
        decimal2(r.fees),
        mark === undefined ? null : decimal2(mark),
        mark === undefined ? null : decimal2(position * mark * 100),
      ];
    }),
  );
}
