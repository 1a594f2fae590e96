import { createPrisma, type Db } from "../db/client";
import { openDatabase } from "../db/database";

/** The streams a command writes to, so tests can capture its output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs `body` against the same database the server uses (DATABASE_URL, or the embedded server: the one
 * already running, or a new one stopped again when the command ends).
 */
export async function withDatabase<T>(body: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  const db = createPrisma(database.url);
  try {
    return await body(db);
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

/** An error the user caused (bad arguments, unknown experiment): printed without a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
