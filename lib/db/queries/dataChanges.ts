import type { Db } from "../client";

/**
 * The id of the last committed change to experiments or their stored statistics (the migration
 * data_changes replaces it at every such commit); null when its row is missing. One primary-key
 * lookup: what a web server asks instead of looking every experiment up on every request.
 */
export async function dataChangeId(db: Db): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<{ changeId: string }[]>(
    `SELECT "change_id" AS "changeId" FROM "data_changes" WHERE "id" = 1`,
  );
  return rows[0]?.changeId ?? null;
}
