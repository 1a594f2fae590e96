import type { Db } from "../client";

/**
 * Bytes of pinned data all snapshots hold (the `data` column, as stored text). octet_length of a
 * TOASTed value reads its stored size without decompressing it, so this stays cheap as the table grows.
 */
export async function snapshotStorageBytes(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ bytes: bigint | null }[]>(
    `SELECT SUM(octet_length("data"))::bigint AS "bytes" FROM "snapshots"`,
  );
  return Number(rows[0]?.bytes ?? 0);
}
