import { z } from "zod";

/** A market-simulation seed: the same seed replays the same prices and news. */
export const Seed = z
  .number({ error: "the seed is a whole number" })
  .int("the seed is a whole number")
  .min(1, "the seed is at least 1")
  .max(2 ** 31 - 1, "the seed is at most 2147483647");

export const TeamRole = z.enum(["market_maker", "hedge_fund", "arbitrage_desk"]);
export type TeamRole = z.infer<typeof TeamRole>;

/**
 * What the Next server tells a game's room about the game: who plays which role and how the market is made.
 * Sent whenever it changes (game created, team joined, role assigned, API key rotated); the room keeps the latest.
 * `version` only grows, so a late, older push is ignored.
 */
export const RoomSetup = z.object({
  version: z.number().int().nonnegative(),
  gameId: z.string().min(1),
  name: z.string().min(1).max(80),
  preset: z.enum(["compact", "full"]),
  seed: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  teams: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1).max(40),
        role: TeamRole,
        /** SHA-256 (hex) of the team's API key for external bots, or null when none was issued. */
        apiKeyHash: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .nullable(),
        /** The instructor's qualitative score 0–100 (30% of the composite score), or null until entered. */
        qualitative: z.number().int().min(0).max(100).nullable().optional(),
      }),
    )
    .max(200),
});
export type RoomSetup = z.infer<typeof RoomSetup>;
