import { compareIds } from "./scoring-math";

export type LeaderboardEntry = {
  teamId: string;
  role: string;
  pnlCents: number;
  /** Period score in bp, or null while it cannot be computed. */
  scoreBp: number | null;
};

export type LeaderboardRow = LeaderboardEntry & {
  /** 1-based, shared by rows equal on the sort key (1, 1, 3). */
  rank: number;
  /** The same within the team's role: raw P&L across roles is not comparable (GAME.md §12.4). */
  roleRank: number;
};

/**
 * The leaderboard (DECISIONS.md: a live leaderboard of P&L): by P&L (default) or by score, highest first; the
 * other key breaks ties (a null score last), then the team id in code-point order, so any input order gives the
 * same rows.
 */
export function leaderboard(
  entries: readonly LeaderboardEntry[],
  by: "pnl" | "score" = "pnl",
): LeaderboardRow[] {
  const score = (e: LeaderboardEntry) => e.scoreBp ?? Number.NEGATIVE_INFINITY;
  const primary = (e: LeaderboardEntry) => (by === "pnl" ? e.pnlCents : score(e));
  const secondary = (e: LeaderboardEntry) => (by === "pnl" ? score(e) : e.pnlCents);
  const sorted = [...entries].sort(
    (a, b) =>
      cmp(primary(b), primary(a)) || cmp(secondary(b), secondary(a)) || compareIds(a.teamId, b.teamId),
  );
  const rows: LeaderboardRow[] = [];
  const roleSeen = new Map<string, { count: number; last: LeaderboardRow | null }>();
  sorted.forEach((e, i) => {
    const previous = rows[i - 1];
    const rank = previous && primary(previous) === primary(e) ? previous.rank : i + 1;
    const role = roleSeen.get(e.role) ?? { count: 0, last: null };
    role.count++;
    const roleRank = role.last && primary(role.last) === primary(e) ? role.last.roleRank : role.count;
    const row = { ...e, rank, roleRank };
    role.last = row;
    roleSeen.set(e.role, role);
    rows.push(row);
  });
  return rows;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
