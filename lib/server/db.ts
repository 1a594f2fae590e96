import { type Db, getPrisma } from "../db/client";

/** The database the Next server reads: DATABASE_URL, which the launcher always sets. */
export function serverDb(): Db {
  return getPrisma();
}
