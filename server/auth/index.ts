export { type Auth, type AuthOptions, createAuth, UserRole } from "./create-auth";
