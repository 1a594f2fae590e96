import type { Db } from "../client";

/** Which of the wanted kinds an experiment's current version has stored (the body is read apart). */
export interface StatisticHead {
  experimentId: number;
  version: string;
  /** The first of the wanted kinds that is stored; null when none is yet. */
  kind: string | null;
  /** The HTTP status its body is served with. */
  status: number | null;
}

/**
 * The experiment's current version and the first of `kinds` (in that order of preference) stored
 * for it; null when no experiment has that slug. One index lookup, no body: enough to answer a
 * request whose ETag still matches.
 */
export async function statisticHead(
  db: Db,
  slug: string,
  kinds: readonly string[],
): Promise<StatisticHead | null> {
  const rows = await db.$queryRawUnsafe<StatisticHead[]>(
    `SELECT e."id" AS "experimentId", e."version", s."kind", s."http_status" AS "status"
     FROM "experiments" e
     LEFT JOIN LATERAL (
       SELECT s."kind", s."http_status" FROM "experiment_statistics" s
       WHERE s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = ANY($2::text[])
       ORDER BY array_position($2::text[], s."kind") LIMIT 1
     ) s ON true
     WHERE e."slug" = $1`,
    slug,
    kinds,
  );
  return rows[0] ?? null;
}
