import { type Runner, run, type Task } from "graphile-worker";
import { z } from "zod";
import { createPrisma } from "../../db/client";
import { JOB_QUEUE_SCHEMA, jobQueueLogger } from "../../db/jobQueue";
import { purgeExpiredSessions } from "../../db/queries/sessions";
import { COMPUTE_STATISTICS_TASK, enqueueMissingStatistics } from "../../db/queries/statistics";
import {
  PURGE_TRASH_CRONTAB,
  PURGE_TRASH_TASK,
  purgeExpiredTrash,
  purgeExpiredVersions,
  trashDays,
} from "../trash";
import { ALL_KINDS, computeStatistics, type StatisticsOutcome } from "./computeStatistics";
import { startStatisticsThread } from "./statisticsThread";

const jobSchema = z.object({ experimentId: z.number().int(), version: z.string().min(1) });

export interface StatisticsWorkerOptions {
  /** The database holding both the experiments and the job queue. */
  url: string;
  /** Jobs this process runs at once (each is CPU-bound: more processes use more cores). */
  concurrency: number;
  log: (line: string) => void;
}

export interface StatisticsWorker {
  /** Finishes the jobs in progress (retried by another worker if cut off), then disconnects. */
  stop(): Promise<void>;
  /** Settles when the worker stopped, or rejects when it failed. */
  done: Promise<void>;
}

function describe(outcome: StatisticsOutcome, job: z.infer<typeof jobSchema>): string {
  const what = `"${outcome.slug ?? `experiment ${job.experimentId}`}" version ${job.version.slice(0, 8)}`;
  if (outcome.status === "stale") return `Skipped ${what}: no longer the current version.`;
  if (outcome.computed.length === 0) return `Statistics of ${what} were already stored.`;
  const ms = (value: number) => `${Math.round(value)} ms`;
  const kinds = outcome.kindMs.map(({ kind, ms: spent }) => `${kind} ${ms(spent)}`).join(", ");
  return (
    `Computed ${outcome.computed.join(", ")} of ${what} ` +
    `(results loaded in ${ms(outcome.loadMs)}, computed and stored in ${ms(outcome.computeMs)}: ${kinds}).`
  );
}

/**
 * Starts a graphile-worker runner for the compute_statistics task on `url`, after enqueueing a job
 * for every experiment whose current version lacks statistics (data from before this worker
 * existed); it also runs purge_trash every hour (graphile-worker's crontab: one run per hour across
 * all workers), which purges the trash and the checkpoints replaced by imports past retention and
 * deletes expired sign-in sessions. Signals are the caller's: call stop() on SIGINT/SIGTERM. Throws SettingError when
 * ALPHASCOPE_TRASH_DAYS is unusable.
 */
export async function startStatisticsWorker(options: StatisticsWorkerOptions): Promise<StatisticsWorker> {
  const days = trashDays();
  const db = createPrisma(options.url);
  const computeTask: Task = async (payload) => {
    const job = jobSchema.parse(payload);
    options.log(describe(await computeStatistics(db, job), job));
  };
  const purgeTask: Task = async () => {
    const now = new Date();
    const purged = await purgeExpiredTrash(db, now, days);
    if (purged.length > 0) options.log(`Purged from the trash (past ${days} days): ${purged.join(", ")}.`);
    const versioned = await purgeExpiredVersions(db, now, days);
    if (versioned.length > 0)
      options.log(`Purged replaced checkpoints (past ${days} days) of: ${versioned.join(", ")}.`);
    const sessions = await purgeExpiredSessions(db, now);
    if (sessions > 0) options.log(`Deleted ${sessions} expired sign-in session(s).`);
  };
  let runner: Runner;
  startStatisticsThread();
  try {
    const enqueued = await enqueueMissingStatistics(db, ALL_KINDS);
    if (enqueued > 0) options.log(`Enqueued statistics jobs for ${enqueued} experiment(s) without them.`);
    runner = await run({
      connectionString: options.url,
      schema: JOB_QUEUE_SCHEMA,
      concurrency: options.concurrency,
      noHandleSignals: true,
      logger: jobQueueLogger,
      taskList: { [COMPUTE_STATISTICS_TASK]: computeTask, [PURGE_TRASH_TASK]: purgeTask },
      crontab: PURGE_TRASH_CRONTAB,
    });
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
  const done = runner.promise.finally(() => db.$disconnect());
  return {
    async stop() {
      await runner.stop();
      await done;
    },
    done,
  };
}
