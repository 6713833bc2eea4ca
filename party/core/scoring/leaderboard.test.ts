import { describe, expect, it } from "vitest";
import { type LeaderboardEntry, leaderboard } from "./leaderboard";

const entries: LeaderboardEntry[] = [
  { teamId: "c", role: "market_maker", pnlCents: 100, scoreBp: 5_000 },
  { teamId: "a", role: "hedge_fund", pnlCents: 100, scoreBp: null },
  { teamId: "b", role: "market_maker", pnlCents: 200, scoreBp: 3_000 },
  { teamId: "d", role: "market_maker", pnlCents: 100, scoreBp: 5_000 },
];

describe("leaderboard", () => {
  it("by P&L: ties broken by score (null last) then team id; equal P&L shares a rank", () => {
    expect(leaderboard(entries).map((r) => [r.teamId, r.rank, r.roleRank])).toEqual([
      ["b", 1, 1],
      ["c", 2, 2],
      ["d", 2, 2],
      ["a", 2, 1],
    ]);
  });

  it("by score: a team without a score yet comes last", () => {
    expect(leaderboard(entries, "score").map((r) => [r.teamId, r.rank, r.roleRank])).toEqual([
      ["c", 1, 1],
      ["d", 1, 1],
      ["b", 3, 3],
      ["a", 4, 1],
    ]);
  });

  it("does not depend on the input order", () => {
    expect(leaderboard([...entries].reverse())).toEqual(leaderboard(entries));
    expect(leaderboard([])).toEqual([]);
  });
});
