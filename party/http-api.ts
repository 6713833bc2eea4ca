import { z } from "zod";
import { Batch, TradingCommand } from "./core/protocol";
import type { Actor } from "./core/room-engine";

/**
 * The HTTP API for external bots (any language): a team's API key in `X-API-Key`, the same commands as the socket
 * (`POST …/api/commands` with one trading command or a batch), and reads (`GET …/api/orders`, `…/api/positions`,
 * `…/api/book?instrument=`). Same pipeline, same limits; the team comes from the key, never from the body.
 */
export const ApiCommand = z.union([TradingCommand, Batch]);

export type ApiRoute =
  | { kind: "command" }
  | { kind: "orders" }
  | { kind: "positions" }
  | { kind: "book"; instrument: string }
  | { kind: "unknown" };

export function apiRoute(method: string, url: URL): ApiRoute | null {
  const match = /\/api\/([a-z]+)$/.exec(url.pathname);
  if (!match) return null;
  const name = match[1];
  if (method === "POST" && name === "commands") return { kind: "command" };
  if (method === "GET" && name === "orders") return { kind: "orders" };
  if (method === "GET" && name === "positions") return { kind: "positions" };
  if (method === "GET" && name === "book")
    return { kind: "book", instrument: url.searchParams.get("instrument") ?? "" };
  return { kind: "unknown" };
}

/** SHA-256 hex of an API key, with Web Crypto (available in the PartyKit/Workers runtime). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The team an API key belongs to, from the room's setup (which holds only the keys' hashes). */
export async function apiActor(
  key: string | null,
  teams: readonly { id: string; apiKeyHash: string | null }[],
): Promise<Actor | null> {
  if (!key || key.length > 200) return null;
  const hash = await sha256Hex(key);
  const team = teams.find((t) => t.apiKeyHash !== null && t.apiKeyHash === hash);
  return team ? { role: "player", teamId: team.id, source: "api" } : null;
}

export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status });
}
