import { requireUser } from "@/server/auth/current-user";
import { BotWorkbench } from "./bot-workbench";

export default async function BotPage({ params }: { params: Promise<{ gameId: string }> }) {
  await requireUser();
  const { gameId } = await params;
  return <BotWorkbench gameId={gameId} />;
}
