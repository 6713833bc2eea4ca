import { eq } from "drizzle-orm";
import type { Auth } from "../auth";
import type { Db } from "../db";
import { game, team, teamMember, user } from "../db/schema";

export const DEMO_PASSWORD = "outcry-demo";
export const DEMO_JOIN_CODE = "DEMO42";
export const DEMO_ACCOUNTS = [
  { name: "Demo Instructor", email: "instructor@outcry.local", role: "instructor" },
  {
    name: "Alpha Trader",
    email: "alpha@outcry.local",
    role: "player",
    team: "Alpha",
    teamRole: "market_maker",
  },
  { name: "Beta Trader", email: "beta@outcry.local", role: "player", team: "Beta", teamRole: "hedge_fund" },
] as const;

/**
 * Seeds the demo: an instructor, two players in teams Alpha (market maker) and Beta (hedge fund), and one
 * game with join code DEMO42. Idempotent: it does nothing when the demo instructor already exists.
 */
export async function seedDemo(db: Db, auth: Auth): Promise<"seeded" | "present"> {
  const [instructorAccount, ...players] = DEMO_ACCOUNTS;
  const present = await db.select({ id: user.id }).from(user).where(eq(user.email, instructorAccount.email));
  if (present.length > 0) return "present";

  const signUp = async (a: (typeof DEMO_ACCOUNTS)[number]) =>
    (
      await auth.api.signUpEmail({
        body: { name: a.name, email: a.email, password: DEMO_PASSWORD, role: a.role },
      })
    ).user.id;
  const instructorId = await signUp(instructorAccount);
  const gameId = "00000000-0000-4000-8000-000000000042";
  await db
    .insert(game)
    .values({ id: gameId, name: "Demo game", joinCode: DEMO_JOIN_CODE, seed: 42, instructorId });
  for (const player of players) {
    const userId = await signUp(player);
    const teamId = `00000000-0000-4000-8000-0000000000${player.team === "Alpha" ? "a1" : "b2"}`;
    await db.insert(team).values({ id: teamId, gameId, name: player.team, role: player.teamRole });
    await db.insert(teamMember).values({ teamId, userId, gameId });
  }
  return "seeded";
}
