import { ClientMessage, MAX_FRAME_CHARS, type RejectionCode } from "./messages";
import type { Result } from "./result";

/** Parses one raw socket frame. Never throws: bad input becomes a rejection with a human message. */
export function parseClientMessage(
  raw: unknown,
): Result<ClientMessage, { code: RejectionCode; message: string; cid: string | null }> {
  if (typeof raw !== "string") {
    return { ok: false, error: { code: "BAD_MESSAGE", message: "Frames must be JSON text.", cid: null } };
  }
  if (raw.length > MAX_FRAME_CHARS) {
    const message = `Frame of ${raw.length} characters is over the limit of ${MAX_FRAME_CHARS}.`;
    return { ok: false, error: { code: "FRAME_TOO_LARGE", message, cid: null } };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: { code: "BAD_MESSAGE", message: "Frame is not valid JSON.", cid: null } };
  }
  const cid = cidOf(json);
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    const message = `Message not understood${where}: ${issue?.message ?? "invalid"}.`;
    return { ok: false, error: { code: "BAD_MESSAGE", message, cid } };
  }
  return { ok: true, value: parsed.data };
}

function cidOf(json: unknown): string | null {
  if (typeof json === "object" && json !== null && "cid" in json) {
    const cid = (json as { cid: unknown }).cid;
    if (typeof cid === "string" && cid.length <= 64) return cid;
  }
  return null;
}
