import type { Db } from "../client";

export interface StoredSnapshot {
  id: string;
  experimentSlug: string;
  page: string;
  view: string;
  version: string;
  title: string | null;
  /** JSON text, as stored. */
  data: string;
  createdAt: Date;
  /** The experiment's version now; null when it has been deleted since. */
  currentVersion: string | null;
}

/** One snapshot with its experiment's current version; null when no snapshot has that id. */
export async function snapshotById(db: Db, id: string): Promise<StoredSnapshot | null> {
  const rows = await db.$queryRawUnsafe<StoredSnapshot[]>(
    `SELECT s."id", s."experiment_slug" AS "experimentSlug", s."page", s."view", s."version", s."title",
       s."data", s."created_at" AS "createdAt", e."version" AS "currentVersion"
     FROM "snapshots" s LEFT JOIN "experiments" e ON e."id" = s."experiment_id"
     WHERE s."id" = $1`,
    id,
  );
  return rows[0] ?? null;
}
