/** Expected failures of server services: a stable code and a message a person understands. */
export type ServiceErrorCode =
  | "GAME_NOT_FOUND"
  | "GAME_ENDED"
  | "NOT_IN_GAME"
  | "NOT_GAME_INSTRUCTOR"
  | "INSTRUCTORS_DO_NOT_JOIN"
  | "TEAM_NAME_TAKEN"
  | "BOT_NOT_FOUND";

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
