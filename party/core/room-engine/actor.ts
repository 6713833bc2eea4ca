import type { OrderSource } from "../protocol";

/**
 * Who sent a command, as the room verified it (room token or API key), journalled with the command so a replay
 * authorises exactly as the live run did. The team comes from here, never from the message.
 */
export type Actor = {
  role: "instructor" | "player" | "viewer";
  teamId: string | null;
  source: OrderSource;
};

export type Refusal = { code: string; message: string };

/** Trading needs a player on a team the game knows; viewers are read-only; instructors run the game. */
export function tradingRefusal(actor: Actor, teamKnown: boolean): Refusal | null {
  if (actor.role === "viewer") return { code: "READ_ONLY", message: "This view is read-only." };
  if (actor.role === "instructor")
    return { code: "NOT_A_TRADER", message: "Instructors run the game and do not trade." };
  if (actor.teamId === null) return { code: "NO_TEAM", message: "Join a team to trade." };
  if (!teamKnown)
    return {
      code: "UNKNOWN_ACCOUNT",
      message: "Your team has no trading account in this game yet: ask the instructor to assign a role.",
    };
  return null;
}

export function adminRefusal(actor: Actor): Refusal | null {
  return actor.role === "instructor"
    ? null
    : { code: "FORBIDDEN", message: "Only the instructor can control the game." };
}
