import type * as Party from "partykit/server";
import { z } from "zod";
import { DeployRequest, LiveBotStatus } from "./bot-wire";

/** Durable Object storage caps a value at 128 KiB; a bot of 100,000 characters is stored in pieces. */
const CHUNK_CHARS = 16_000;

const Saved = z.object({ deployment: DeployRequest.omit({ code: true }), chunks: z.number().int().min(0) });

/**
 * The bots room's durable state: the last deployment (code included) and its last status, so a room that restarts
 * resumes a running bot and still tells the team why a stopped one stopped. Parsed on the way back in: storage
 * outlives the code that wrote it.
 */
export async function saveDeployment(storage: Party.Storage, deployment: DeployRequest) {
  const { code, ...rest } = deployment;
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < code.length; i++) {
    chunks[`code:${i}`] = code.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  }
  const count = Object.keys(chunks).length;
  await storage.put({ ...chunks, deployment: { deployment: rest, chunks: count } });
}

export async function loadDeployment(storage: Party.Storage): Promise<DeployRequest | null> {
  const saved = Saved.safeParse(await storage.get("deployment"));
  if (!saved.success) return null;
  const keys = Array.from({ length: saved.data.chunks }, (_, i) => `code:${i}`);
  const parts = keys.length > 0 ? await storage.get<string>(keys) : new Map<string, string>();
  const code = keys.map((k) => parts.get(k) ?? "").join("");
  const parsed = DeployRequest.safeParse({ ...saved.data.deployment, code });
  return parsed.success ? parsed.data : null;
}

export async function saveStatus(storage: Party.Storage, status: LiveBotStatus) {
  await storage.put("status", status);
}

export async function loadStatus(storage: Party.Storage): Promise<LiveBotStatus | null> {
  const parsed = LiveBotStatus.safeParse(await storage.get("status"));
  return parsed.success ? parsed.data : null;
}
