export { createDb, type Db, type DbHandle } from "./create-db";
export * as schema from "./schema";
