import { type Db, getPrisma, getReadPrisma } from "../db/client";
import { warmOnDataChanges } from "./statistics/warmOnChange";

/** The database the Next server writes (imports): DATABASE_URL, which the launcher always sets. */
export function serverDb(): Db {
  return getPrisma();
}

/**
 * The database the Next server reads: DATABASE_READ_URL (a replica) when set, else DATABASE_URL.
 * In the Next server (not in the CLI or tests that call handlers), the first use also starts
 * reading what each commit changes before anyone asks (warmOnDataChanges; LISTEN needs the primary).
 */
export function serverReadDb(): Db {
  const db = getReadPrisma();
  const primary = process.env.DATABASE_URL;
  if (process.env.NEXT_RUNTIME === "nodejs" && primary) warmOnDataChanges(db, primary);
  return db;
}
