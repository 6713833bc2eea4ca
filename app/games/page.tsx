import { requireUser } from "@/server/auth/current-user";
import { CreateGameForm } from "./create-game-form";
import { GameList } from "./game-list";
import { JoinGameForm } from "./join-game-form";

export default async function GamesPage() {
  const user = await requireUser();
  const instructor = user.role === "instructor";
  return (
    <div className="grid2">
      <section className="panel">{instructor ? <CreateGameForm /> : <JoinGameForm />}</section>
      <section className="panel">
        <h2>{instructor ? "Games you run" : "Your games"}</h2>
        <GameList />
      </section>
    </div>
  );
}
