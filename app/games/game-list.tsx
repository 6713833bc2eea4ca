"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";
import { formatGameTime } from "./game-time";

/**
 * Every game I run or play in, newest first: its chain and seed, how far it got (from its records: the room owns
 * the live state) and its fills, linking to the floor and the debrief. Records are kept forever: reset and rematch
 * continue the same record, and the debrief shows each run.
 */
export function GameList() {
  const trpc = useTRPC();
  const games = useQuery(trpc.game.mine.queryOptions());
  if (games.isPending) return <p className="muted">Loading…</p>;
  if (games.error) return <p className="error">{games.error.message}</p>;
  if (games.data.length === 0) return <p className="muted">No games yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Game</th>
          <th>Code</th>
          <th>Chain · seed</th>
          <th>Played to</th>
          <th className="num">Fills</th>
          <th>Records</th>
        </tr>
      </thead>
      <tbody>
        {games.data.map((g) => (
          <tr key={g.id}>
            <td>
              <a href={`/games/${g.id}`}>{g.name}</a>
              <div className="muted small">created {new Date(g.createdAt).toLocaleDateString()}</div>
            </td>
            <td className="num">{g.joinCode}</td>
            <td className="small">
              {g.preset} · <span className="num">{g.seed}</span>
              {g.history.runs.length > 1 ? (
                <div className="muted small" data-testid={`game-runs-${g.name}`}>
                  {g.history.runs
                    .map((r) => `run ${r.run}${r.origin === "start" ? "" : ` (${r.origin})`}: seed ${r.seed}`)
                    .join(" · ")}
                </div>
              ) : null}
            </td>
            <td data-testid={`game-state-${g.name}`}>
              {g.history.lastPlayedAt === null ? (
                <span className="muted">Not started</span>
              ) : (
                <>
                  <span className="pill">{g.history.ended ? "Ended" : "Played"}</span>{" "}
                  <span className="small">{formatGameTime(g.history.lastPlayedAt)}</span>
                </>
              )}
            </td>
            <td className="num">{g.history.fills.toLocaleString("en-US")}</td>
            <td>
              <a href={`/games/${g.id}/debrief`}>Debrief</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
