import { type Db, getPrisma, getReadPrisma } from "../db/client";

/** The database the Next server writes (imports): DATABASE_URL, which the launcher always sets. */
export function serverDb(): Db {
  return getPrisma();
}

/** The database the Next server reads: DATABASE_READ_URL (a replica) when set, else DATABASE_URL. */
export function serverReadDb(): Db {
  return getReadPrisma();
}
