import { z } from "zod";
import { mintBotServerToken } from "@/party/bots/bot-server-token";
import {
  type BotStatusResponse,
  botRoomNameFor,
  type DeployRequest,
  LiveBotStatus,
} from "@/party/bots/bot-wire";

/**
 * The Next server's client of the bots party (party/bot-runner.ts): deploy, stop and read a team's live bot over
 * HTTP, with a one-minute server token for that bot's room only.
 */

export type RunnerOptions = { partykitUrl: string; secret: string };

const StatusResponse = z.object({
  status: LiveBotStatus.nullable(),
  logs: z.array(z.object({ at: z.number(), line: z.string() })),
});
const ErrorResponse = z.object({ code: z.string(), message: z.string() });

export type RunnerResult =
  | { ok: true; value: BotStatusResponse }
  | { ok: false; code: string; message: string };

async function call(
  options: RunnerOptions,
  team: { gameId: string; teamId: string },
  action: "deploy" | "stop" | "status",
  body?: unknown,
): Promise<RunnerResult> {
  const room = botRoomNameFor(team.gameId, team.teamId);
  let response: Response;
  try {
    response = await fetch(`${options.partykitUrl}/parties/bots/${room}/${action}`, {
      method: action === "status" ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${await mintBotServerToken(room, options.secret)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: "RUNNER_UNREACHABLE", message: "The bot runner cannot be reached; try again." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refused = ErrorResponse.safeParse(json);
    return refused.success
      ? { ok: false, ...refused.data }
      : { ok: false, code: "RUNNER_FAILED", message: `The bot runner answered ${response.status}.` };
  }
  const parsed = StatusResponse.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, code: "RUNNER_FAILED", message: "The bot runner's answer was not understood." };
}

export function deployOnRunner(options: RunnerOptions, deployment: DeployRequest) {
  return call(options, deployment, "deploy", deployment);
}

export function stopOnRunner(options: RunnerOptions, team: { gameId: string; teamId: string }) {
  return call(options, team, "stop");
}

export function statusOnRunner(options: RunnerOptions, team: { gameId: string; teamId: string }) {
  return call(options, team, "status");
}
