"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { LiveBotStatus } from "@/party/bots/bot-wire";
import { FormError } from "../../../_components/form-error";
import { useTRPC } from "../../../_trpc/client";
import { mutationMessage } from "../../use-form-mutation";
import { useLiveBot } from "./use-live-bot";

const REASON: Record<NonNullable<LiveBotStatus["reason"]>, string> = {
  cpu_budget: "it ran longer than 50 ms in one callback",
  memory_budget: "it used more than 16 MB",
  action_budget: "it sent more than 40 orders a second",
  log_budget: "it logged more than 20 lines a second",
  crashed: "it threw an error",
  broke_api: "it tampered with the bot API",
  stopped_by_team: "your team stopped it",
  replaced: "a newer deploy replaced it",
  load_failed: "it did not load",
};

function describeBot(bot: LiveBotStatus | null): string {
  if (!bot) return "Not deployed.";
  if (bot.state === "stopped")
    return `v${bot.version} stopped: ${bot.reason ? REASON[bot.reason] : "stopped"}.`;
  const link = bot.connected ? "" : " · reaching the game…";
  return `v${bot.version} ${bot.state} · ${bot.orders} orders sent${link}`;
}

/**
 * Deploy a saved version live (the latest unless another is picked), stop it, and watch it: its state, why it
 * stopped, and its log lines as they happen (streamed from the bot's room in the bots party).
 */
export function LiveBotPanel({ teamId, versions }: { teamId: string; versions: number[] }) {
  const trpc = useTRPC();
  const { view, take } = useLiveBot(teamId);
  const [picked, setPicked] = useState<number | null>(null);
  const deploy = useMutation(trpc.bot.deploy.mutationOptions({ onSuccess: take }));
  const stop = useMutation(trpc.bot.stop.mutationOptions({ onSuccess: take }));
  const latest = versions[0] ?? null;
  const chosen = picked !== null && versions.includes(picked) ? picked : latest;
  const bot = view.status;
  const running = bot !== null && bot.state !== "stopped";
  const error = mutationMessage(deploy.error ?? stop.error) ?? view.error;
  return (
    <section className="panel tight live-bot" aria-label="Live bot">
      <h2>Live in the game</h2>
      <p data-testid="bot-state">{view.loaded ? describeBot(bot) : "Loading…"}</p>
      {bot?.state === "stopped" && bot.message ? (
        <p className="muted small" data-testid="bot-stop-message">
          {bot.message}
        </p>
      ) : null}
      <div className="row">
        {versions.length > 1 ? (
          <select
            aria-label="Version to deploy"
            value={chosen ?? ""}
            onChange={(e) => setPicked(Number(e.target.value))}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                version {v}
              </option>
            ))}
          </select>
        ) : null}
        <button
          type="button"
          disabled={chosen === null || deploy.isPending}
          onClick={() => chosen !== null && deploy.mutate({ teamId, version: chosen })}
        >
          {chosen === null
            ? "Save a version to deploy"
            : deploy.isPending
              ? "Deploying…"
              : `Deploy v${chosen}`}
        </button>
        <button
          type="button"
          className="ghost"
          disabled={!running || stop.isPending}
          onClick={() => stop.mutate({ teamId })}
        >
          Stop
        </button>
      </div>
      <FormError message={error} />
      <pre className="bot-logs" data-testid="bot-logs" aria-live="polite">
        {view.logs
          .slice(-60)
          .map((l) => `${new Date(l.at).toLocaleTimeString()}  ${l.line}`)
          .join("\n") || "Logs appear here as the bot runs."}
      </pre>
    </section>
  );
}
