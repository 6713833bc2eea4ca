import { TRPCError } from "@trpc/server";
import type { ServiceError, ServiceErrorCode } from "../services/service-error";

const HTTP_CODE: Record<ServiceErrorCode, TRPCError["code"]> = {
  GAME_NOT_FOUND: "NOT_FOUND",
  GAME_ENDED: "PRECONDITION_FAILED",
  NOT_IN_GAME: "FORBIDDEN",
  NOT_GAME_INSTRUCTOR: "FORBIDDEN",
  INSTRUCTORS_DO_NOT_JOIN: "FORBIDDEN",
  TEAM_NAME_TAKEN: "CONFLICT",
  BOT_NOT_FOUND: "NOT_FOUND",
};

/** The one place expected service failures become tRPC errors (the app code stays in `data.appCode`). */
export function toTRPCError(error: ServiceError): TRPCError {
  return new TRPCError({ code: HTTP_CODE[error.code], message: error.message, cause: error });
}
