// `npm run worker`: a statistics worker alone, against DATABASE_URL or the embedded PostgreSQL the
// CLI would use (the running one, or one started and stopped again with the worker). Run any number
// of them, on any machine that reaches the database: the job queue hands each job to one worker.
// `--concurrency N` (or ALPHASCOPE_WORKER_CONCURRENCY) sets how many jobs one process runs at once.
// Ctrl-C or SIGTERM lets the jobs in progress finish, then exits 0.
import { setPriority } from "node:os";
import { describeDatabase, openDatabase } from "../lib/db/database";
import { BACKGROUND_NICENESS } from "../lib/server/compute/threadPriority";
import { startStatisticsWorker } from "../lib/server/statistics/worker";

function log(message: string): void {
  console.log(`[worker] ${message}`);
}

function concurrency(): number {
  const flag = process.argv.indexOf("--concurrency");
  const text = flag >= 0 ? process.argv[flag + 1] : (process.env.ALPHASCOPE_WORKER_CONCURRENCY ?? "1");
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `--concurrency (or ALPHASCOPE_WORKER_CONCURRENCY) must be a whole number ≥ 1, got "${text}"`,
    );
  }
  return value;
}

let stopRequested: NodeJS.Signals | null = null;
let stop: (() => Promise<void>) | null = null;

function requestStop(signal: NodeJS.Signals): void {
  if (stopRequested) return;
  stopRequested = signal;
  log(`${signal}: finishing the jobs in progress…`);
  if (stop) void stop();
}

async function main(): Promise<number> {
  setPriority(BACKGROUND_NICENESS);
  process.on("SIGINT", requestStop);
  process.on("SIGTERM", requestStop);
  const jobs = concurrency();
  const database = await openDatabase();
  try {
    log(`Database: ${describeDatabase(database)}`);
    if (stopRequested) return 0;
    const worker = await startStatisticsWorker({ url: database.url, concurrency: jobs, log });
    stop = worker.stop;
    log(`Computing statistics, ${jobs} job(s) at a time.`);
    if (stopRequested) await worker.stop();
    await worker.done;
    return 0;
  } finally {
    await database.close();
  }
}

process.exit(
  await main().catch((error: unknown) => {
    console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }),
);
