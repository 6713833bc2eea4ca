import { randomUUID } from "node:crypto";
import { and, desc, eq, max } from "drizzle-orm";
import type { Db } from "../db";
import { botVersion, teamMember, user } from "../db/schema";
import { ServiceError } from "./service-error";

export const MAX_BOT_CODE_CHARS = 100_000;

export async function requireMember(db: Db, userId: string, teamId: string) {
  const [member] = await db
    .select()
    .from(teamMember)
    .where(and(eq(teamMember.teamId, teamId), eq(teamMember.userId, userId)));
  if (!member) throw new ServiceError("NOT_IN_GAME", "Only members of this team can see or change its bots.");
  return member;
}

/** Saves the code as the team's next version (1, 2, 3, …), by this author, now. */
export async function saveBotVersion(
  db: Db,
  input: { userId: string; teamId: string; code: string; message: string },
) {
  await requireMember(db, input.userId, input.teamId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [latest] = await db
      .select({ version: max(botVersion.version) })
      .from(botVersion)
      .where(eq(botVersion.teamId, input.teamId));
    const version = (latest?.version ?? 0) + 1;
    const inserted = await db
      .insert(botVersion)
      .values({
        id: randomUUID(),
        teamId: input.teamId,
        version,
        message: input.message,
        code: input.code,
        authorId: input.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) return inserted[0];
  }
  throw new Error("could not allocate a bot version number");
}

/** The team's versions, newest first, with author names (code included: versions are small). */
export async function listBotVersions(db: Db, input: { userId: string; teamId: string }) {
  await requireMember(db, input.userId, input.teamId);
  return db
    .select({
      version: botVersion.version,
      message: botVersion.message,
      code: botVersion.code,
      author: user.name,
      createdAt: botVersion.createdAt,
    })
    .from(botVersion)
    .innerJoin(user, eq(user.id, botVersion.authorId))
    .where(eq(botVersion.teamId, input.teamId))
    .orderBy(desc(botVersion.version));
}
