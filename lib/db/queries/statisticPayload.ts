import type { Db } from "../client";

/** The stored body (JSON text) of one kind of one experiment version; null when it is not stored. */
export async function statisticPayload(
  db: Db,
  experimentId: number,
  version: string,
  kind: string,
): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<{ payload: string }[]>(
    `SELECT "payload" FROM "experiment_statistics" WHERE "experiment_id" = $1 AND "version" = $2 AND "kind" = $3`,
    experimentId,
    version,
    kind,
  );
  return rows[0]?.payload ?? null;
}
