import type { Prisma } from "../generated/prisma/client";

/** Deletes the bodies an experiment version holds under kinds no read asks for any more (old formats). */
export async function dropObsoleteStatistics(
  tx: Prisma.TransactionClient,
  experimentId: number,
  kinds: readonly string[],
): Promise<void> {
  await tx.$executeRawUnsafe(
    `DELETE FROM "experiment_statistics" WHERE "experiment_id" = $1 AND NOT ("kind" = ANY($2::text[]))`,
    experimentId,
    kinds,
  );
}
