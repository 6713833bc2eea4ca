import { and, asc, between, eq, inArray, ne } from "drizzle-orm";
import type { TapeOrder, TapeTeam } from "@/party/bots/backtest-tape";
import { sessionDay } from "@/party/core/game-clock";
import type { Db } from "../db";
import { orderRecord, team } from "../db/schema";
import { gameRuns } from "./debrief-runs";

/** At most this many recorded orders are replayed (a busy session of a whole class fits well under it). */
export const MAX_TAPE_ORDERS = 50_000;

/**
 * The other teams' recorded orders of the game's first session in its latest run (what a backtest of one session
 * replays): each accepted order (a quote's two sides as two limit orders) and each cancel the team asked for or a new
 * quote caused, in seq order, from the order records; fills and the close's cancels happen again by themselves. The
 * team's own orders are left out (the bot trades instead of them).
 */
export async function backtestTape(
  db: Db,
  input: { gameId: string; teamId: string },
): Promise<{ teams: TapeTeam[]; orders: TapeOrder[] }> {
  const others = await db
    .select({ id: team.id, role: team.role })
    .from(team)
    .where(and(eq(team.gameId, input.gameId), ne(team.id, input.teamId)));
  if (others.length === 0) return { teams: [], orders: [] };
  const latest = (await gameRuns(db, input.gameId)).at(-1);
  const lo = latest && latest.run > 1 ? latest.fromSeq : 0;
  const rows = await db
    .select()
    .from(orderRecord)
    .where(
      and(
        eq(orderRecord.gameId, input.gameId),
        inArray(
          orderRecord.teamId,
          others.map((t) => t.id),
        ),
        inArray(orderRecord.event, ["accepted", "cancelled"]),
        between(orderRecord.seq, lo, Number.MAX_SAFE_INTEGER),
        between(orderRecord.at, sessionDay(1), sessionDay(2) - 1),
      ),
    )
    .orderBy(asc(orderRecord.seq))
    .limit(MAX_TAPE_ORDERS);
  const orders: TapeOrder[] = [];
  for (const r of rows) {
    if (r.event === "accepted") {
      orders.push({
        kind: "place",
        at: r.at,
        teamId: r.teamId,
        orderId: r.orderId,
        instrument: r.instrument,
        side: r.side,
        orderType: r.orderType,
        price: r.price,
        quantity: r.quantity,
      });
    } else if (r.reason === "user_requested" || r.reason === "replaced") {
      orders.push({ kind: "cancel", at: r.at, teamId: r.teamId, orderId: r.orderId });
    }
  }
  return { teams: others.map((t) => ({ teamId: t.id, role: t.role })), orders };
}
