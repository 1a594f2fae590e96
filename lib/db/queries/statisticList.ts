import type { Db } from "../client";

/** One experiment of the list: its current version and stored list row (null before it is stored). */
export interface ListedExperiment {
  slug: string;
  version: string;
  payload: string | null;
}

/** Every experiment with the stored list row of its current version, most recently updated first. */
export function statisticList(db: Db): Promise<ListedExperiment[]> {
  return db.$queryRawUnsafe<ListedExperiment[]>(
    `SELECT e."slug", e."version", s."payload" FROM "experiments" e
     LEFT JOIN "experiment_statistics" s
       ON s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = 'list-item'
     ORDER BY e."updated_at" DESC, e."slug"`,
  );
}
