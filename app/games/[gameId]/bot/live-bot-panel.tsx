"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormError } from "../../../_components/form-error";
import { useTRPC } from "../../../_trpc/client";
import { mutationMessage } from "../../use-form-mutation";

const REASON: Record<string, string> = {
  cpu_budget: "it ran longer than 50 ms in one callback",
  memory_budget: "it used more than 16 MB",
  action_budget: "it sent more than 40 orders a second",
  log_budget: "it logged more than 20 lines a second",
  crashed: "it threw an error",
  broke_api: "it tampered with the bot API",
  stopped_by_team: "your team stopped it",
  load_failed: "it did not load",
};

/** Deploy the latest saved version live, stop it, and watch its state and logs (refreshed every second). */
export function LiveBotPanel({ teamId, latestVersion }: { teamId: string; latestVersion: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({ ...trpc.bot.status.queryOptions({ teamId }), refetchInterval: 1_000 });
  const refresh = () => queryClient.invalidateQueries(trpc.bot.status.queryFilter({ teamId }));
  const deploy = useMutation(trpc.bot.deploy.mutationOptions({ onSuccess: refresh }));
  const stop = useMutation(trpc.bot.stop.mutationOptions({ onSuccess: refresh }));
  const bot = status.data;
  const error = mutationMessage(deploy.error ?? stop.error);
  return (
    <section className="panel tight live-bot" aria-label="Live bot">
      <h2>Live in the game</h2>
      <p data-testid="bot-state">
        {!bot
          ? "Not deployed."
          : bot.state === "stopped"
            ? `v${bot.version} stopped: ${REASON[bot.reason ?? ""] ?? bot.reason}.`
            : `v${bot.version} ${bot.state} · ${bot.orders} orders sent`}
      </p>
      {bot?.state === "stopped" && bot.message ? <p className="muted small">{bot.message}</p> : null}
      <div className="row">
        <button
          type="button"
          disabled={latestVersion === null || deploy.isPending}
          onClick={() => deploy.mutate({ teamId, version: latestVersion ?? undefined })}
        >
          {latestVersion === null ? "Save a version to deploy" : `Deploy v${latestVersion}`}
        </button>
        <button
          type="button"
          className="ghost"
          disabled={bot?.state !== "running" || stop.isPending}
          onClick={() => stop.mutate({ teamId })}
        >
          Stop
        </button>
      </div>
      <FormError message={error} />
      <pre className="bot-logs" data-testid="bot-logs">
        {(bot?.logs ?? [])
          .slice(-40)
          .map((l) => `${new Date(l.at).toLocaleTimeString()}  ${l.line}`)
          .join("\n") || "Logs appear here."}
      </pre>
    </section>
  );
}
