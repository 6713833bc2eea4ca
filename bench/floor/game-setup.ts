// A compact game with an instructor and four teams (two market makers, a hedge fund, an arbitrage desk), each with
// an API key for its external bot; one member of the first market maker is the trader whose screen is measured.
// Everything goes through the app's own flows: better-auth sign-up, tRPC game.create / join / assignRole /
// rotateApiKey.
import { z } from "zod";
import type { TeamRole } from "../../party/core/protocol";
import { Session } from "./session";

export type BotTeam = { name: string; role: TeamRole; teamId: string; apiKey: string };
export type FloorGame = { gameId: string; instructor: Session; trader: Session; teams: BotTeam[] };

const TEAMS: { name: string; role: TeamRole }[] = [
  { name: "Makers A", role: "market_maker" },
  { name: "Makers B", role: "market_maker" },
  { name: "Fund", role: "hedge_fund" },
  { name: "Arb", role: "arbitrage_desk" },
];

export async function createFloorGame(appUrl: string): Promise<FloorGame> {
  const run = Date.now().toString(36);
  const email = (name: string) => `${name.toLowerCase().replace(/\W/g, "")}-${run}@bench.test`;
  const instructor = await Session.signUp(appUrl, { name: "Ines", email: email("ines"), role: "instructor" });
  const game = await instructor.mutate(
    "game.create",
    { name: "Bench floor", preset: "compact" },
    z.object({ id: z.string(), joinCode: z.string() }).loose(),
  );
  const teams: BotTeam[] = [];
  let trader: Session | null = null;
  for (const t of TEAMS) {
    const member = await Session.signUp(appUrl, {
      name: `${t.name} trader`,
      email: email(t.name),
      role: "player",
    });
    const joined = await member.mutate(
      "game.join",
      { joinCode: game.joinCode, teamName: t.name },
      z.object({ teamId: z.string() }),
    );
    await instructor.mutate("team.assignRole", { teamId: joined.teamId, role: t.role }, z.unknown());
    const { key } = await member.mutate(
      "team.rotateApiKey",
      { teamId: joined.teamId },
      z.object({ key: z.string() }),
    );
    teams.push({ ...t, teamId: joined.teamId, apiKey: key });
    trader ??= member;
  }
  if (!trader) throw new Error("no trader");
  return { gameId: game.id, instructor, trader, teams };
}
