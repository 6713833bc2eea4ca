import { getDb } from "@/server/db/client";
import { env } from "@/server/env";
import { handleRecordIngest } from "@/server/services/record-ingest-handler";

/** Rooms ship their game records here in batches (idempotent by seq). */
export async function POST(request: Request, { params }: { params: Promise<{ gameId: string }> }) {
  const { gameId } = await params;
  return handleRecordIngest(request, gameId, { db: await getDb(), secret: env.ROOM_TOKEN_SECRET });
}
