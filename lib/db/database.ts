import { resolve } from "node:path";
import { findRunningServer, startEmbeddedServer } from "./embeddedPostgres";
import { applyMigrations } from "./migrate";

/** Where the embedded server keeps its data unless ALPHASCOPE_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = ".data/postgres";
/** The embedded server's port unless ALPHASCOPE_PG_PORT says otherwise (off 5432 to avoid a system server). */
export const DEFAULT_PORT = 54329;
const DATABASE_NAME = "alphascope";

/** A database ready for use, and who is responsible for the server behind it. */
export interface DatabaseHandle {
  url: string;
  /** Where the URL came from, for the log. */
  source: "DATABASE_URL" | "embedded (started)" | "embedded (already running)";
  /** True when this process started the embedded server and {@link close} stops it. */
  ownsServer: boolean;
  /** Names of the migrations applied while opening (empty when the schema was current). */
  migrationsApplied: string[];
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  close(): Promise<void>;
}

/** The database an entry point runs on, for its start-up log: "embedded (started) (data in .data/postgres)". */
export function describeDatabase(database: DatabaseHandle): string {
  const where = database.ownsServer
    ? ` (data in ${process.env.ALPHASCOPE_DATA_DIR || DEFAULT_DATA_DIR})`
    : "";
  return `${database.source}${where}`;
}

export interface DatabaseSettings {
  /** An external server; when set, nothing is embedded. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
}

/** Reads DATABASE_URL, ALPHASCOPE_DATA_DIR (relative to the working directory) and ALPHASCOPE_PG_PORT. */
export function databaseSettingsFromEnv(
  env: Record<string, string | undefined> = process.env,
): DatabaseSettings {
  const port = Number(env.ALPHASCOPE_PG_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`ALPHASCOPE_PG_PORT must be a TCP port number, got "${env.ALPHASCOPE_PG_PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.ALPHASCOPE_DATA_DIR || DEFAULT_DATA_DIR),
    port,
  };
}

async function connect(settings: DatabaseSettings): Promise<Omit<DatabaseHandle, "migrationsApplied">> {
  const idle = async () => {};
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, source: "DATABASE_URL", ownsServer: false, close: idle };
  }
  const running = await findRunningServer(settings.dataDir, DATABASE_NAME);
  if (running) return { url: running, source: "embedded (already running)", ownsServer: false, close: idle };
  try {
    const server = await startEmbeddedServer({ ...settings, database: DATABASE_NAME });
    return { url: server.url, source: "embedded (started)", ownsServer: true, close: server.stop };
  } catch (error) {
    // Another process may have started the server between our look and our start.
    const raced = await findRunningServer(settings.dataDir, DATABASE_NAME);
    if (raced) return { url: raced, source: "embedded (already running)", ownsServer: false, close: idle };
    throw error;
  }
}

/**
 * Resolves the database the way every entry point (launcher, CLI, db:migrate) does: DATABASE_URL
 * when set; otherwise the embedded server on the project's data directory, reusing one another
 * process already runs or starting one. Applies pending migrations before returning.
 */
export async function openDatabase(
  settings: DatabaseSettings = databaseSettingsFromEnv(),
): Promise<DatabaseHandle> {
  const handle = await connect(settings);
  try {
    return { ...handle, migrationsApplied: await applyMigrations(handle.url) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
