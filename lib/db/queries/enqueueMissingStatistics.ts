import type { Prisma } from "../generated/prisma/client";
import { enqueueStatisticsJob } from "./enqueueStatisticsJob";

/**
 * Enqueues the statistics job of every experiment whose current version lacks one of `kinds`
 * (written before statistics existed, before a kind's format changed, or by a path that stores
 * none). Returns how many experiments that concerned.
 */
export async function enqueueMissingStatistics(
  tx: Prisma.TransactionClient,
  kinds: readonly string[],
): Promise<number> {
  const missing = await tx.$queryRawUnsafe<{ id: number; version: string }[]>(
    `SELECT e."id", e."version" FROM "experiments" e
     WHERE (SELECT count(*) FROM "experiment_statistics" s
            WHERE s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = ANY($1::text[])) < $2`,
    kinds,
    kinds.length,
  );
  for (const { id, version } of missing) await enqueueStatisticsJob(tx, id, version);
  return missing.length;
}
