import type { Prisma } from "../generated/prisma/client";

/** The graphile-worker task that computes an experiment version's statistics. */
export const COMPUTE_STATISTICS_TASK = "compute_statistics";

/** A failing computation is retried with graphile-worker's backoff (exp(attempt) seconds) this often. */
const MAX_ATTEMPTS = 8;

/**
 * Enqueues the statistics job of an experiment's version, through `tx` so that it commits (and
 * wakes a worker) with the data it is about, or not at all. The job key is the experiment's: a
 * newer version replaces a job still waiting for an older one, and enqueueing the same version twice
 * leaves one job.
 */
export async function enqueueStatisticsJob(
  tx: Prisma.TransactionClient,
  experimentId: number,
  version: string,
): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM graphile_worker.add_job($1, json_build_object('experimentId', $2::int, 'version', $3::text),
       max_attempts := $4, job_key := 'statistics:' || $2::text)`,
    COMPUTE_STATISTICS_TASK,
    experimentId,
    version,
    MAX_ATTEMPTS,
  );
}
