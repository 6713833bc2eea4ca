import { requireUser } from "@/server/auth/current-user";
import { GameScreen } from "./game-screen";

export default async function GamePage({ params }: { params: Promise<{ gameId: string }> }) {
  await requireUser();
  const { gameId } = await params;
  return <GameScreen gameId={gameId} />;
}
