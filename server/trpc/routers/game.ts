import { z } from "zod";
import { roomNameFor } from "@/party/core/auth";
import { Seed } from "@/party/core/protocol";
import {
  createGame,
  gameForViewKey,
  getGameForUser,
  joinGame,
  listGamesForUser,
  viewKeyFor,
} from "../../services/game";
import { syncRoom } from "../../services/room-sync";
import { mintRoomToken } from "../../services/room-token";
import { createTRPCRouter, instructorProcedure, protectedProcedure, publicProcedure } from "../init";

const GameId = z.object({ gameId: z.uuid("That is not a game id.") });

export const gameRouter = createTRPCRouter({
  create: instructorProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Give the game a name.").max(80),
        preset: z.enum(["compact", "full"]).default("compact"),
        seed: Seed.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const created = await createGame(ctx.db, { instructorId: ctx.user.id, ...input });
      await syncRoom(ctx.db, created.id, ctx.env);
      return created;
    }),

  mine: protectedProcedure.query(({ ctx }) => listGamesForUser(ctx.db, ctx.user.id)),

  join: protectedProcedure
    .input(
      z.object({
        joinCode: z.string().trim().min(4, "Join codes have 6 characters.").max(16),
        teamName: z.string().trim().min(1, "Name your team.").max(40),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const joined = await joinGame(ctx.db, { userId: ctx.user.id, userRole: roleOf(ctx.user), ...input });
      await syncRoom(ctx.db, joined.gameId, ctx.env);
      return joined;
    }),

  byId: protectedProcedure
    .input(GameId)
    .query(({ ctx, input }) => getGameForUser(ctx.db, input.gameId, ctx.user.id)),

  /** A short-lived token for this game's room, and where the room is. */
  roomToken: protectedProcedure.input(GameId).mutation(async ({ ctx, input }) => {
    const view = await getGameForUser(ctx.db, input.gameId, ctx.user.id);
    await syncRoom(ctx.db, view.game.id, ctx.env);
    const claims = {
      sub: ctx.user.id,
      name: ctx.user.name,
      gameId: view.game.id,
      teamId: view.team?.id ?? null,
      role: view.access,
    };
    const { token, expiresAt } = await mintRoomToken(claims, ctx.env.ROOM_TOKEN_SECRET);
    return { token, expiresAt, host: ctx.env.PARTYKIT_HOST, room: roomNameFor(view.game.id) };
  }),

  /** The read-only projector link's key (instructor only). */
  viewKey: instructorProcedure
    .input(GameId)
    .mutation(({ ctx, input }) => viewKeyFor(ctx.db, input.gameId, ctx.user.id)),

  /** A viewer's room token for the projector: no login, just the link's key. */
  viewToken: publicProcedure
    .input(GameId.extend({ key: z.string().min(10).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const found = await gameForViewKey(ctx.db, input.gameId, input.key);
      const claims = {
        sub: "viewer",
        name: "Projector",
        gameId: found.id,
        teamId: null,
        role: "viewer" as const,
      };
      const { token, expiresAt } = await mintRoomToken(claims, ctx.env.ROOM_TOKEN_SECRET);
      return { token, expiresAt, host: ctx.env.PARTYKIT_HOST, room: roomNameFor(found.id), game: found };
    }),
});

function roleOf(user: { role?: unknown }): "instructor" | "player" {
  return user.role === "instructor" ? "instructor" : "player";
}
