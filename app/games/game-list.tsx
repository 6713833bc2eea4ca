"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";

/** Every game I run or play in, newest first, with its configuration and seed (a game's records are kept forever:
 * reset and rematch continue the same record), linking to the floor and the debrief. */
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
          <th>Chain</th>
          <th className="num">Seed</th>
          <th>Created</th>
          <th>Status</th>
          <th>Records</th>
        </tr>
      </thead>
      <tbody>
        {games.data.map((g) => (
          <tr key={g.id}>
            <td>
              <a href={`/games/${g.id}`}>{g.name}</a>
            </td>
            <td className="num">{g.joinCode}</td>
            <td>{g.preset}</td>
            <td className="num">{g.seed}</td>
            <td className="muted small">{new Date(g.createdAt).toLocaleDateString()}</td>
            <td>
              <span className="pill">{g.status}</span>
            </td>
            <td>
              <a href={`/games/${g.id}/debrief`}>Debrief</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
