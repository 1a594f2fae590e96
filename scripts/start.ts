// `npm start` (production) and `npm run dev` (`--dev`): resolve the database (DATABASE_URL or the
// embedded PostgreSQL), apply migrations, load the demo sweep (with its statistics) into an empty
// database, build the app and the static bundle's viewer when missing or stale, then run alphascope's
// HTTP server (scripts/serve.ts: Next behind a node:http server that knows each client's address) and one
// statistics worker (scripts/worker.ts) side by side with DATABASE_URL set. Ctrl-C or SIGTERM stops
// the server and the worker first, then PostgreSQL, and exits 0; if the web server exits on its own,
// so does the rest, and a worker that exits on its own is started again after a pause.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createPrisma } from "../lib/db/client";
import { describeDatabase, openDatabase } from "../lib/db/database";
import { countExperiments } from "../lib/db/queries/experiments";
import { DEMO_STUDY } from "../lib/demo/experiment";
import { loadDemoStudy, loadDemoSweep } from "../lib/import/loadDemo";
import { signInStartupMessage } from "../lib/server/auth/startupCheck";
import { VIEWER_DIR } from "../lib/server/staticBundle";
import { computeStatistics } from "../lib/server/statistics/computeStatistics";
import { writeMode } from "../lib/server/writeGuard";
import { buildViewer } from "./build-viewer";
import { WORKER_NODE_ARGS, workerRestartPause } from "./support/workerCommand";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** What a production build is made from: when any of it is newer than the build, rebuild. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "next.config.ts",
  "proxy.ts",
  "package.json",
  "tsconfig.json",
];
/** How long the web server or the worker may take to shut down before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

function log(message: string): void {
  console.log(`[alphascope] ${message}`);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether the build that wrote `stamp` exists and is newer than everything it is made from. */
function buildIsCurrent(stamp: string): boolean {
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(input) <= builtAt);
}

function runNode(args: string[], databaseUrl: string): ChildProcess {
  return spawn(process.execPath, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: port,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

/** The statistics worker: computes what imports enqueue (see docs/deploy.md for more of them). */
function runWorker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_ARGS], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/** Who may write, as the server will enforce it (lib/server/writeGuard.ts). */
function writeModeMessage(): string {
  return writeMode() === "token"
    ? "Write mode: token. Imports need Authorization: Bearer <ALPHASCOPE_WRITE_TOKEN>; reads are open to every client that can reach this port."
    : "Write mode: loopback only (no ALPHASCOPE_WRITE_TOKEN). Imports are accepted only from this machine via http://localhost; reads are open to every client that can reach this port. A shared server sets ALPHASCOPE_WRITE_TOKEN (docs/security.md).";
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitOf(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function loadDemoIfEmpty(databaseUrl: string): Promise<void> {
  const db = createPrisma(databaseUrl);
  try {
    if ((await countExperiments(db)) > 0) return;
    const loaded = await loadDemoSweep(db);
    log(
      `Loaded the synthetic demo sweep "${loaded.slug}" (${loaded.checkpoints} checkpoints × ${loaded.problems} problems, ${loaded.samples.toLocaleString("en-US")} samples) into the empty database.`,
    );
    // Its intervals computed here rather than by the worker, so that the first page already has them.
    const demo = await db.experiment.findUniqueOrThrow({ where: { slug: loaded.slug } });
    await computeStatistics(db, { experimentId: demo.id, version: demo.version });
    // The demo study's other cells: their intervals come from the worker, like any import's.
    const cells = await loadDemoStudy(db);
    log(`Loaded the synthetic demo study "${DEMO_STUDY.slug}" (${cells.length + 1} experiments).`);
  } finally {
    await db.$disconnect();
  }
}

let stopSignal: NodeJS.Signals | null = null;
let next: ChildProcess | null = null;
let worker: ChildProcess | null = null;
/** Set once the web server has exited: the worker is not started again. */
let webServerGone = false;
/** Ends the supervisor's pause before a worker's restart at once (a stop was asked for). */
let endRestartPause: () => void = () => {};

/** Checked between start-up steps: a signal during start-up skips the rest and shuts down. */
function stopRequested(): boolean {
  return stopSignal !== null;
}

function requestStop(signal: NodeJS.Signals): void {
  if (stopSignal) return;
  stopSignal = signal;
  log(`${signal}: stopping the web server and the worker, then the database…`);
  if (next) void stopChild(next);
  if (worker) void stopChild(worker);
  endRestartPause();
}

/**
 * Runs the statistics worker until the launcher stops, starting it again after a pause
 * (workerRestartPause) whenever it exits on its own: a database restart ends the job queue's
 * connection in the middle of a job, and graphile-worker then throws out of the process. The web
 * server goes on meanwhile (503 `database_unavailable` while the database is down), and jobs left
 * unfinished are run again by the next worker.
 */
async function superviseWorker(databaseUrl: string): Promise<void> {
  let pauseMs: number | null = null;
  while (!stopRequested() && !webServerGone) {
    const started = Date.now();
    worker = runWorker(databaseUrl);
    const code = await exitOf(worker);
    if (stopRequested() || webServerGone) return;
    const pause = workerRestartPause(pauseMs, Date.now() - started);
    pauseMs = pause;
    log(`The worker exited unexpectedly with code ${code}; starting it again in ${pause / 1000} s.`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pause);
      endRestartPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

async function main(): Promise<number> {
  process.on("SIGINT", requestStop);
  process.on("SIGTERM", requestStop);
  // Sign-in settings are checked before anything starts: a mistake stops here, naming the variable.
  const signIn = signInStartupMessage();
  const database = await openDatabase();
  try {
    log(`Database: ${describeDatabase(database)}`);
    for (const name of database.migrationsApplied) log(`Applied migration ${name}`);
    if (stopRequested()) return 0;
    await loadDemoIfEmpty(database.url);
    if (stopRequested()) return 0;

    if (!buildIsCurrent(join(VIEWER_DIR, "viewer.js"))) {
      log("No current static bundle viewer: building it…");
      await buildViewer();
    }
    if (!dev && !buildIsCurrent(join(".next", "BUILD_ID"))) {
      log("No current production build: running `next build`…");
      next = runNode([nextBin, "build"], database.url);
      const code = await exitOf(next);
      next = null;
      if (stopRequested()) return 0;
      if (code !== 0) {
        log(`next build failed with exit code ${code}.`);
        return code;
      }
    }

    log(writeModeMessage());
    if (signIn) log(signIn);
    next = runNode(["--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], database.url);
    const supervised = superviseWorker(database.url);
    const code = await exitOf(next);
    webServerGone = true;
    endRestartPause();
    if (!stopRequested()) log(`The web server exited unexpectedly with code ${code}; stopping the rest.`);
    if (worker) await stopChild(worker);
    await supervised;
    if (stopRequested()) return 0;
    return code === 0 ? 1 : code;
  } finally {
    await database.close();
  }
}

process.exit(
  await main().catch((error: unknown) => {
    console.error(`[alphascope] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }),
);
