import { RecordBatch } from "@/party/core/protocol";
import type { Db } from "../db";
import { ingestRecords } from "./game-records";
import { verifyRoomServiceToken } from "./room-service-token";
import { ServiceError } from "./service-error";

/** HTTP edge of record ingestion: room token, zod-parsed body, idempotent insert. Never throws on bad input. */
export async function handleRecordIngest(request: Request, gameId: string, deps: { db: Db; secret: string }) {
  const tokenGame = await verifyRoomServiceToken(request.headers.get("authorization"), deps.secret);
  if (tokenGame === null || tokenGame !== gameId) {
    return Response.json(
      { code: "AUTH_REQUIRED", message: "A room token for this game is required." },
      { status: 401 },
    );
  }
  const body = await request.json().catch(() => undefined);
  const parsed = RecordBatch.safeParse(body);
  if (!parsed.success || parsed.data.gameId !== gameId) {
    const issue = parsed.success
      ? "gameId does not match the URL"
      : (parsed.error.issues[0]?.message ?? "invalid");
    return Response.json(
      { code: "BAD_BATCH", message: `Record batch not understood: ${issue}.` },
      { status: 400 },
    );
  }
  try {
    return Response.json(await ingestRecords(deps.db, parsed.data));
  } catch (error) {
    if (error instanceof ServiceError)
      return Response.json({ code: error.code, message: error.message }, { status: 404 });
    throw error;
  }
}
