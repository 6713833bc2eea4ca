import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Auth } from "../auth";
import type { Db } from "../db";
import type { ServerEnv } from "../env";
import { ServiceError } from "../services/service-error";
import { toTRPCError } from "./to-trpc-error";

// 1. Context: the database, auth, env and the caller's session (null when signed out).

export type TRPCContext = {
  db: Db;
  auth: Auth;
  env: Pick<ServerEnv, "ROOM_TOKEN_SECRET" | "PARTYKIT_HOST" | "PARTYKIT_URL">;
  headers: Headers;
  session: Awaited<ReturnType<Auth["api"]["getSession"]>>;
};

export async function createTRPCContext(opts: Omit<TRPCContext, "session">): Promise<TRPCContext> {
  const session = await opts.auth.api.getSession({ headers: opts.headers });
  return { ...opts, session };
}

// 2. Initialisation: zod errors are flattened so forms can show them field by field.

const t = initTRPC.context<TRPCContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appCode: cause instanceof ServiceError ? cause.code : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 3. Procedures. Middleware narrows the context, so procedures need no null checks.

/** Maps expected service failures to tRPC errors in one place. */
const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ServiceError) throw toTRPCError(result.error.cause);
  return result;
});

const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

const isInstructor = t.middleware(({ ctx, next }) => {
  if (ctx.session?.user.role !== "instructor") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only instructors can do this." });
  }
  return next();
});

export const publicProcedure = t.procedure.use(serviceErrors);
export const protectedProcedure = publicProcedure.use(isAuthed);
export const instructorProcedure = protectedProcedure.use(isInstructor);
