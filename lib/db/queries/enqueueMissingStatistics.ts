import type { Prisma } from "../generated/prisma/client";
import { enqueueStatisticsJob } from "./enqueueStatisticsJob";

/**
 * Enqueues the statistics job of every experiment whose current version has fewer than `kinds`
 * stored bodies (written before statistics existed, or by a path that stores none). Returns how
 * many experiments that concerned.
 */
export async function enqueueMissingStatistics(tx: Prisma.TransactionClient, kinds: number): Promise<number> {
  const missing = await tx.$queryRawUnsafe<{ id: number; version: string }[]>(
    `SELECT e."id", e."version" FROM "experiments" e
     WHERE (SELECT count(*) FROM "experiment_statistics" s
            WHERE s."experiment_id" = e."id" AND s."version" = e."version") < $1`,
    kinds,
  );
  for (const { id, version } of missing) await enqueueStatisticsJob(tx, id, version);
  return missing.length;
}
