import type { Prisma } from "../db/generated/prisma/client";
import type { StatisticRow } from "../db/queries/statistics";
import { dropStaleStatistics, enqueueStatisticsJob, storeStatistics } from "../db/queries/statistics";
import { loadSweepMatrix } from "../db/queries/sweep";
import { POINT_KINDS } from "../responses/statisticKinds";
import { statisticBody } from "../responses/statisticPayloads";

/** The experiment version a write just made. */
export interface WrittenVersion {
  id: number;
  slug: string;
  version: string;
}

/**
 * Inside the transaction that wrote a new version of an experiment: stores the bodies that are cheap
 * to compute (the list row, the detail, the frontier's points, the matrix, pass@k curves without
 * bands: ~0.2 s for 41 × 5 000 results), deletes the older versions' bodies, and enqueues the job
 * that adds the intervals. So whoever sees the new version sees its points too, and the job
 * exists exactly when the write commits.
 */
export async function recordStatistics(tx: Prisma.TransactionClient, written: WrittenVersion): Promise<void> {
  const sweep = await loadSweepMatrix(tx, written.slug);
  if (!sweep) throw new Error(`Experiment "${written.slug}" vanished inside its own import.`);
  const rows: StatisticRow[] = POINT_KINDS.map((kind) => statisticBody(kind, written.version, sweep));
  await dropStaleStatistics(tx, written.id, written.version);
  await storeStatistics(tx, written.id, written.version, rows);
  await enqueueStatisticsJob(tx, written.id, written.version);
}
