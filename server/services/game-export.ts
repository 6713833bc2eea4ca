import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../db";
import { fillRecord, markRecord, orderRecord } from "../db/schema";
import { decimal2, toCsv } from "./csv";
import { getGameForUser } from "./game";
import { ServiceError } from "./service-error";

export const EXPORT_KINDS = ["orders", "fills", "marks"] as const;
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
  return toCsv(
    ["seq", "at", "instrument", "mark"],
    rows.map((r) => [r.seq, r.at, r.instrument, decimal2(r.markTicks)]),
  );
}
