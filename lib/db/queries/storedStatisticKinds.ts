import type { Prisma } from "../generated/prisma/client";

/** The kinds stored for one version of an experiment. */
export async function storedStatisticKinds(
  tx: Prisma.TransactionClient,
  experimentId: number,
  version: string,
): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ kind: string }[]>(
    `SELECT "kind" FROM "experiment_statistics" WHERE "experiment_id" = $1 AND "version" = $2`,
    experimentId,
    version,
  );
  return new Set(rows.map((row) => row.kind));
}
