import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/server/auth/get-auth";
import { getDb } from "@/server/db/client";
import { EXPORT_KINDS, exportCsv } from "@/server/services/game-export";
import { ServiceError } from "@/server/services/service-error";

const Params = z.object({ gameId: z.uuid(), kind: z.enum(EXPORT_KINDS) });

/** `GET /api/games/<id>/export/<orders|fills|marks>[?team=<teamId>]` → CSV download. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ gameId: string; kind: string }> },
) {
  const session = await (await getAuth()).api.getSession({ headers: await headers() });
  if (!session) return Response.json({ code: "UNAUTHORIZED", message: "Sign in first." }, { status: 401 });
  const parsed = Params.safeParse(await params);
  if (!parsed.success) {
    return Response.json(
      { code: "NOT_FOUND", message: "Export orders, fills or marks of a game." },
      { status: 404 },
    );
  }
  const teamId = new URL(request.url).searchParams.get("team") ?? undefined;
  try {
    const csv = await exportCsv(await getDb(), { userId: session.user.id, ...parsed.data, teamId });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${parsed.data.kind}-${parsed.data.gameId}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof ServiceError)
      return Response.json({ code: error.code, message: error.message }, { status: 403 });
    throw error;
  }
}
