"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { STARTER_BOTS, type StarterRole } from "@/party/core/bot-api";
import { FormError } from "../../../_components/form-error";
import { useTRPC } from "../../../_trpc/client";
import { mutationMessage } from "../../use-form-mutation";
import { BacktestPanel } from "./backtest-panel";
import { CodeDiff, CodeEditor } from "./code-editor";
import { LiveBotPanel } from "./live-bot-panel";
import { loadDraft, saveDraft, useLeaveWarning } from "./use-draft";

/** The team's bot editor: edit, save as a new version, browse and restore versions, diff, starter templates. */
export function BotWorkbench({ gameId }: { gameId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.game.byId.queryOptions({ gameId }));
  const team = view.data?.team ?? null;
  if (view.error) return <p className="error">{view.error.message}</p>;
  if (!view.data) return <p className="muted">Loading…</p>;
  if (!team) return <p className="muted">Bots belong to teams; instructors watch them from the game page.</p>;
  return <Workbench gameId={gameId} teamId={team.id} role={team.role} teamName={team.name} />;
}

function Workbench({
  gameId,
  teamId,
  role,
  teamName,
}: {
  gameId: string;
  teamId: string;
  role: StarterRole;
  teamName: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.bot.versions.queryOptions({ teamId }));
  const [code, setCode] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const [diffOf, setDiffOf] = useState<number | null>(null);
  const latest = versions.data?.[0];
  const saved = latest?.code ?? "";

  // First load: the local draft if there is one, else the latest version, else the role's starter bot.
  useEffect(() => {
    if (code !== null || versions.isPending) return;
    setCode(loadDraft(teamId) ?? latest?.code ?? STARTER_BOTS[role].code);
  }, [code, versions.isPending, latest, teamId, role]);

  const dirty = code !== null && code !== saved;
  useLeaveWarning(dirty);
  useEffect(() => {
    if (code !== null) saveDraft(teamId, dirty ? code : null);
  }, [code, dirty, teamId]);

  const save = useMutation(
    trpc.bot.save.mutationOptions({
      onSuccess: async () => {
        setMessage("");
        saveDraft(teamId, null);
        await queryClient.invalidateQueries(trpc.bot.versions.queryFilter({ teamId }));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (code !== null) save.mutate({ teamId, code, message });
  }

  const error = mutationMessage(save.error);
  const diffVersion = versions.data?.find((v) => v.version === diffOf);
  const diffBase = versions.data?.find((v) => v.version === (diffOf ?? 0) - 1);
  return (
    <div className="workbench">
      <section className="panel tight editor-panel">
        <div className="row spread-row">
          <h1 className="title">
            Bot of {teamName}{" "}
            <span className="muted">
              {dirty ? "· unsaved changes (draft kept)" : latest ? `· v${latest.version}` : ""}
            </span>
          </h1>
          <a href={`/games/${gameId}`}>Back to the floor</a>
        </div>
        <CodeEditor value={code ?? ""} onChange={setCode} />
        <form className="row save-row" onSubmit={submit}>
          <label className="grow">
            What changed
            <input
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              maxLength={120}
              placeholder="tighter spreads"
            />
          </label>
          <button type="submit" disabled={save.isPending || code === null}>
            {save.isPending ? "Saving…" : "Save as new version"}
          </button>
        </form>
        <FormError message={error} />
      </section>
      <aside className="panel tight versions-panel" aria-label="Versions">
        <LiveBotPanel teamId={teamId} versions={versions.data?.map((v) => v.version) ?? []} />
        <h2>Versions</h2>
        {versions.data?.length ? (
          <ol className="versions">
            {versions.data.map((v) => (
              <li key={v.version}>
                <div>
                  <strong>v{v.version}</strong> {v.message}
                </div>
                <div className="muted small">
                  {v.author} · {new Date(v.createdAt).toLocaleString()}
                </div>
                <div className="row">
                  <button type="button" className="ghost small" onClick={() => setCode(v.code)}>
                    Restore
                  </button>
                  {v.version > 1 ? (
                    <button
                      type="button"
                      className="ghost small"
                      onClick={() => setDiffOf(diffOf === v.version ? null : v.version)}
                    >
                      {diffOf === v.version ? "Hide diff" : "Diff vs previous"}
                    </button>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No saved version yet.</p>
        )}
        <h2>Starter bots</h2>
        <ul className="versions">
          {(Object.entries(STARTER_BOTS) as [StarterRole, { title: string; code: string }][]).map(
            ([key, starter]) => (
              <li key={key}>
                <button type="button" className="ghost small" onClick={() => setCode(starter.code)}>
                  {starter.title}
                </button>
              </li>
            ),
          )}
        </ul>
      </aside>
      <BacktestPanel teamId={teamId} latestVersion={latest?.version ?? null} />
      {diffVersion && diffBase ? (
        <section className="panel tight diff-panel">
          <h2>
            v{diffBase.version} → v{diffVersion.version}
          </h2>
          <CodeDiff previous={diffBase.code} next={diffVersion.code} />
        </section>
      ) : null}
    </div>
  );
}
