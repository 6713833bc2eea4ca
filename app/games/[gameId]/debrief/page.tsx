import { requireUser } from "@/server/auth/current-user";
import { DebriefScreen } from "./debrief-screen";

export default async function DebriefPage({ params }: { params: Promise<{ gameId: string }> }) {
  await requireUser();
  const { gameId } = await params;
  return <DebriefScreen gameId={gameId} />;
}
