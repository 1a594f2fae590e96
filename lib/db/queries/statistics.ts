import { type ClusterBy, isClusterBy } from "../../domain/clusterBy";
import { type Difficulty, isDifficulty } from "../../domain/difficulty";
import { SETTINGS, type Setting } from "../../domain/setting";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

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
 * for it; null when no live experiment has that slug (one in the trash is not read). One index lookup, no body: enough to answer a
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
     WHERE e."slug" = $1 AND e."deleted_at" IS NULL`,
    slug,
    kinds,
  );
  return rows[0] ?? null;
}

/** One experiment of the list: its current version and stored list row (null before it is stored). */
export interface ListedExperiment {
  slug: string;
  version: string;
  payload: string | null;
}

/** Every live experiment with the stored list row of its current version, most recently updated first. */
export function statisticList(db: Db): Promise<ListedExperiment[]> {
  return db.$queryRawUnsafe<ListedExperiment[]>(
    `SELECT e."slug", e."version", s."payload" FROM "experiments" e
     LEFT JOIN "experiment_statistics" s
       ON s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = 'list-item'
     WHERE e."deleted_at" IS NULL
     ORDER BY e."updated_at" DESC, e."slug"`,
  );
}

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

/**
 * Narrows a stored `experiments.setting`. The table's CHECK constraint allows only these values,
 * so a failure here means the schema and the code disagree.
 */
export function storedSetting(value: string): Setting {
  const setting = SETTINGS.find((candidate) => candidate === value);
  if (!setting) throw new Error(`Unexpected experiment setting in the database: "${value}"`);
  return setting;
}

/** Narrows a stored `problems.difficulty` (guarded by a CHECK constraint like the setting). */
export function storedDifficulty(value: string): Difficulty {
  if (!isDifficulty(value)) throw new Error(`Unexpected problem difficulty in the database: "${value}"`);
  return value;
}

/** Narrows a stored `experiments.cluster_by` (guarded by a CHECK constraint like the setting). */
export function storedClusterBy(value: string | null): ClusterBy | null {
  if (value !== null && !isClusterBy(value))
    throw new Error(`Unexpected experiment cluster option in the database: "${value}"`);
  return value;
}

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

/** The graphile-worker task that computes an experiment version's statistics. */
export const COMPUTE_STATISTICS_TASK = "compute_statistics";

/** A failing computation is retried with graphile-worker's backoff (exp(attempt) seconds) this often. */
const MAX_ATTEMPTS = 8;

/**
 * Enqueues the statistics job of an experiment's version, through `tx` so that it commits (and
 * wakes a worker) with the data it is about, or not at all. The job key is the experiment's: a
 * newer version replaces a job still waiting for an older one, and enqueueing the same version twice
 * leaves one job.
 */
export async function enqueueStatisticsJob(
  tx: Prisma.TransactionClient,
  experimentId: number,
  version: string,
): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM graphile_worker.add_job($1, json_build_object('experimentId', $2::int, 'version', $3::text),
       max_attempts := $4, job_key := 'statistics:' || $2::text)`,
    COMPUTE_STATISTICS_TASK,
    experimentId,
    version,
    MAX_ATTEMPTS,
  );
}

/**
 * Enqueues the statistics job of every experiment whose current version lacks one of `kinds`
 * (written before statistics existed, before a kind's format changed, or by a path that stores
 * none). Returns how many experiments that concerned.
 */
export async function enqueueMissingStatistics(
  tx: Prisma.TransactionClient,
  kinds: readonly string[],
): Promise<number> {
  const missing = await tx.$queryRawUnsafe<{ id: number; version: string }[]>(
    `SELECT e."id", e."version" FROM "experiments" e
     WHERE (SELECT count(*) FROM "experiment_statistics" s
            WHERE s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = ANY($1::text[])) < $2`,
    kinds,
    kinds.length,
  );
  for (const { id, version } of missing) await enqueueStatisticsJob(tx, id, version);
  return missing.length;
}
