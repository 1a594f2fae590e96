import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One response body of an experiment version, as experiment_statistics keeps it. */
export interface StatisticRow {
  kind: string;
  /** The HTTP status the body is served with. */
  status: number;
  /** JSON text. */
  payload: string;
}

/**
 * Stores bodies of one experiment version; a kind already stored for that version is kept (the
 * same version always gives the same body). Returns the kinds this call inserted.
 */
export async function storeStatistics(
  tx: Tx,
  experimentId: number,
  version: string,
  rows: readonly StatisticRow[],
): Promise<string[]> {
  const inserted = await tx.$queryRawUnsafe<{ kind: string }[]>(
    `INSERT INTO "experiment_statistics" ("experiment_id", "version", "kind", "http_status", "payload")
     SELECT $1, $2, * FROM unnest($3::text[], $4::int4[], $5::text[])
     ON CONFLICT DO NOTHING
     RETURNING "kind"`,
    experimentId,
    version,
    rows.map((row) => row.kind),
    rows.map((row) => row.status),
    rows.map((row) => row.payload),
  );
  return inserted.map((row) => row.kind);
}
