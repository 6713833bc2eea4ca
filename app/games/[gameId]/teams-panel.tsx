"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/trpc/routers/app-router";
import { FormError } from "../../_components/form-error";
import { useTRPC } from "../../_trpc/client";
import { mutationMessage } from "../use-form-mutation";

type GameView = inferRouterOutputs<AppRouter>["game"]["byId"];
type TeamRole = GameView["teams"][number]["role"];

export const ROLE_LABEL: Record<TeamRole, string> = {
  market_maker: "Market maker",
  hedge_fund: "Hedge fund",
  arbitrage_desk: "Arbitrage desk",
};

/** Every team of the game; the instructor assigns roles here. */
export function TeamsPanel({ view }: { view: GameView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const assign = useMutation(
    trpc.team.assignRole.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.game.byId.queryFilter({ gameId: view.game.id })),
    }),
  );
  const error = mutationMessage(assign.error);
  return (
    <section className="panel" aria-label="Teams">
      <h2>Teams</h2>
      {view.teams.length === 0 ? (
        <p className="muted">No team has joined yet. Share the join code.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Team</th>
              <th>Role</th>
              <th>Members</th>
              {view.access === "instructor" ? <th>Qualitative (0–100)</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.teams.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  {view.access === "instructor" ? (
                    <select
                      aria-label={`Role of ${t.name}`}
                      value={t.role}
                      disabled={assign.isPending}
                      onChange={(e) => assign.mutate({ teamId: t.id, role: e.target.value as TeamRole })}
                    >
                      {Object.entries(ROLE_LABEL).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABEL[t.role]
                  )}
                </td>
                <td className="muted">{t.members.map((m) => m.name).join(", ")}</td>
                {view.access === "instructor" ? (
                  <td>
                    <QualitativeInput teamId={t.id} teamName={t.name} score={t.qualitativeScore} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={error} />
    </section>
  );
}

/**
 * The instructor's qualitative score of a team (GAME.md §12.1: research, code, collaboration — 30% of the score).
 * Saved on Enter or when the field loses focus; an empty field clears it.
 */
function QualitativeInput({
  teamId,
  teamName,
  score,
}: {
  teamId: string;
  teamName: string;
  score: number | null;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState(score === null ? "" : String(score));
  const save = useMutation(trpc.team.setQualitative.mutationOptions());
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === (score === null ? "" : String(score))) return;
    save.mutate({ teamId, score: trimmed === "" ? null : Number(trimmed) });
  };
  const error = mutationMessage(save.error);
  return (
    <span className="inline">
      <input
        className="num"
        inputMode="numeric"
        size={4}
        aria-label={`Qualitative score of ${teamName}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {save.isSuccess ? <span className="ok small"> saved</span> : null}
      {error ? <span className="error small"> {error}</span> : null}
    </span>
  );
}

/** The player's own team: its API key for external bots, shown once when issued. */
export function ApiKeyPanel({
  teamId,
  hasKey,
  prefix,
}: {
  teamId: string;
  hasKey: boolean;
  prefix: string | null;
}) {
  const trpc = useTRPC();
  const [shown, setShown] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.team.rotateApiKey.mutationOptions({ onSuccess: ({ key }) => setShown(key) }),
  );
  const error = mutationMessage(rotate.error);
  return (
    <section className="panel" aria-label="API key">
      <h2>API key for external bots</h2>
      {shown ? (
        <>
          <p>Copy it now: it is shown only once.</p>
          <p className="num" data-testid="api-key" style={{ wordBreak: "break-all" }}>
            {shown}
          </p>
        </>
      ) : (
        <p className="muted">
          {hasKey ? `A key starting ${prefix ?? ""}… is active.` : "No key yet."} Issuing a new key revokes
          the old one.
        </p>
      )}
      <button
        type="button"
        className="ghost"
        onClick={() => rotate.mutate({ teamId })}
        disabled={rotate.isPending}
      >
        {hasKey || shown ? "Issue a new key" : "Issue a key"}
      </button>
      <FormError message={error} />
    </section>
  );
}
