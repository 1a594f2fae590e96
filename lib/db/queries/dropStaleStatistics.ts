import type { Prisma } from "../generated/prisma/client";

/** Deletes the stored bodies of every other version of the experiment than `version`. */
export async function dropStaleStatistics(
  tx: Prisma.TransactionClient,
  experimentId: number,
  version: string,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM "experiment_statistics" WHERE "experiment_id" = $1 AND "version" <> $2`,
    experimentId,
    version,
  );
}
