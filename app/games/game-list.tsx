"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../_trpc/client";

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
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {games.data.map((g) => (
          <tr key={g.id}>
            <td>
              <a href={`/games/${g.id}`}>{g.name}</a>
            </td>
            <td className="num">{g.joinCode}</td>
            <td>
              <span className="pill">{g.status}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
