import type { AuditActor } from "../../contracts/audit";
import type { ExperimentFacets, ExperimentSort } from "../../contracts/experimentListQuery";
import type { ExperimentListItem } from "../../contracts/types";
import { THUMBNAIL_KIND } from "../../responses/statisticKinds";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { experimentTarget, recordAuditEvent } from "./audit";
import { READ_ALL, type ReadScope, readableSql } from "./experimentShares";
import { type ListedExperiment, storedSetting } from "./statistics";

interface ExperimentListRow {
  slug: string;
  version: string;
  name: string;
  benchmark: string;
  setting: string;
  synthetic: boolean;
  updated_at: Date;
  alpha_min: number | null;
  alpha_max: number | null;
  checkpoints: number;
  problems: number;
}

/**
 * Every experiment with its α range and sizes, most recently updated first, counted from the
 * results (a scan of every result row: the list route serves the rows each import stores instead,
 * and counts here only experiments that have none stored yet).
 */
export async function listExperiments(db: Db): Promise<ExperimentListItem[]> {
  const rows = await db.$queryRaw<ExperimentListRow[]>`
    SELECT e."slug", e."version", e."name", e."benchmark", e."setting", e."synthetic", e."updated_at",
      c."alpha_min", c."alpha_max", COALESCE(c."checkpoints", 0) AS "checkpoints",
      (SELECT count(DISTINCT r."problem_id")::int FROM "results" r
        JOIN "checkpoints" rc ON rc."id" = r."checkpoint_id"
        WHERE rc."experiment_id" = e."id" AND rc."alpha" IS NOT NULL AND rc."retired_at" IS NULL) AS "problems"
    FROM "experiments" e
    LEFT JOIN (
      SELECT "experiment_id", min("alpha") AS "alpha_min", max("alpha") AS "alpha_max", count(*)::int AS "checkpoints"
      FROM "checkpoints" WHERE "alpha" IS NOT NULL AND "retired_at" IS NULL GROUP BY "experiment_id"
    ) c ON c."experiment_id" = e."id"
    WHERE e."deleted_at" IS NULL
    ORDER BY e."updated_at" DESC, e."slug"`;
  return rows.map((row) => ({
    slug: row.slug,
    version: row.version,
    name: row.name,
    benchmark: row.benchmark,
    setting: storedSetting(row.setting),
    synthetic: row.synthetic,
    alphaMin: row.alpha_min,
    alphaMax: row.alpha_max,
    checkpoints: row.checkpoints,
    problems: row.problems,
    updatedAt: row.updated_at.toISOString(),
  }));
}

/** Exact-match filters and a substring search over the experiment list (see experimentListQuerySchema). */
export interface ExperimentFilters {
  q?: string;
  benchmark?: string;
  setting?: string;
  scale?: string;
  family?: string;
  study?: string;
  synthetic?: boolean;
  /** Only the experiments this scope may read (all when absent). */
  readable?: ReadScope;
}

/** Where a page starts: after the row with this sort value and slug, in the page's order. */
export interface ExperimentKey {
  value: string;
  slug: string;
}

export interface ExperimentPageRequest {
  filters: ExperimentFilters;
  sort: ExperimentSort;
  order: "asc" | "desc";
  /** Absent: every matching row. */
  limit?: number;
  after?: ExperimentKey;
}

/** One listed experiment with its sort value (which the next page's cursor carries) and its row's extras. */
export interface PagedExperiment extends ListedExperiment {
  sortValue: string;
  modelScale: string | null;
  modelFamily: string | null;
  /** The stored thumbnail of its current version (JSON text); null until the worker stored it. */
  thumbnail: string | null;
}

/**
 * Each sort's expression, matching an index of migration experiment_list (`, slug` breaks ties).
 * Text sorts ignore case (the database collates bytewise, "Zeta" before "alpha"); nullable columns
 * sort as "" so that a keyset comparison never meets NULL.
 */
const SORT_EXPRESSIONS: Record<ExperimentSort, { sql: string; cast: string }> = {
  updated: { sql: `e."updated_at"`, cast: "::timestamptz" },
  name: { sql: `lower(e."name")`, cast: "" },
  benchmark: { sql: `lower(e."benchmark")`, cast: "" },
  setting: { sql: `e."setting"`, cast: "" },
  scale: { sql: `lower(COALESCE(e."model_scale", ''))`, cast: "" },
  family: { sql: `lower(COALESCE(e."model_family", ''))`, cast: "" },
};

/** A row's sort value as a cursor carries it (text; a timestamp to the microsecond, in UTC). */
function sortValueSql(sort: ExperimentSort): string {
  return sort === "updated"
    ? `to_char(e."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : SORT_EXPRESSIONS[sort].sql;
}

/** `q` as a LIKE pattern matching it literally anywhere (its %, _ and \ escaped). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** WHERE clause and parameters of the filters; parameters are numbered from 1. */
function filterClause(filters: ExperimentFilters): { where: string; params: unknown[] } {
  // An experiment in the trash is in no list.
  const conditions: string[] = [`e."deleted_at" IS NULL`];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  // search_text: name, slug, benchmark and model references lower-cased by PostgreSQL at each write,
  // with a trigram index (migration experiment_search_text); lower() of the pattern is the same
  // case folding as ILIKE's, without folding every row at every search.
  if (filters.q) add((p) => `e."search_text" LIKE lower(${p})`, containsPattern(filters.q));
  if (filters.benchmark !== undefined) add((p) => `e."benchmark" = ${p}`, filters.benchmark);
  if (filters.setting !== undefined) add((p) => `e."setting" = ${p}`, filters.setting);
  if (filters.scale !== undefined) add((p) => `e."model_scale" = ${p}`, filters.scale);
  if (filters.family !== undefined) add((p) => `e."model_family" = ${p}`, filters.family);
  if (filters.synthetic !== undefined) add((p) => `e."synthetic" = ${p}`, filters.synthetic);
  if (filters.study !== undefined)
    add((p) => `e."study_id" = (SELECT s."id" FROM "studies" s WHERE s."slug" = ${p})`, filters.study);
  const readable = readableSql(filters.readable ?? READ_ALL, params);
  if (readable !== null) conditions.push(readable);
  return { where: `WHERE ${conditions.join(" AND ")}`, params };
}

/**
 * The filters' conditions and, with a key, the keyset condition "comes after the key in the page's
 * order" (or, `atOrBefore`, the opposite: the key's row and every row before it).
 */
function keysetClause(request: ExperimentPageRequest, atOrBefore = false) {
  const { where, params } = filterClause(request.filters);
  const sort = SORT_EXPRESSIONS[request.sort];
  const conditions = [where.slice("WHERE ".length)];
  if (request.after) {
    params.push(request.after.value, request.after.slug);
    const [value, slug] = [`$${params.length - 1}${sort.cast}`, `$${params.length}`];
    const after = request.order === "asc" ? ">" : "<";
    const before = request.order === "asc" ? "<=" : ">=";
    conditions.push(`(${sort.sql}, e."slug") ${atOrBefore ? before : after} (${value}, ${slug})`);
  }
  return { sort, conditions: conditions.join(" AND "), params };
}

/**
 * One page of the experiment list, filtered and sorted in PostgreSQL (indexes of migration
 * experiment_list), with the stored list row and thumbnail of each experiment's current version
 * and how many match in all. Reads `limit` rows only: the page never depends on how many
 * experiments exist.
 */
export async function experimentPage(
  db: Db,
  request: ExperimentPageRequest,
): Promise<{ total: number; rows: PagedExperiment[] }> {
  const { where, params } = filterClause(request.filters);
  const { sort, conditions, params: pageParams } = keysetClause(request);
  const direction = request.order === "asc" ? "ASC" : "DESC";
  let limit = "";
  if (request.limit !== undefined) {
    pageParams.push(request.limit);
    limit = `LIMIT $${pageParams.length}`;
  }
  const sortValue = sortValueSql(request.sort);
  const [rows, counted] = await Promise.all([
    db.$queryRawUnsafe<PagedExperiment[]>(
      `SELECT e."slug", e."version", s."payload", ${sortValue} AS "sortValue",
         e."model_scale" AS "modelScale", e."model_family" AS "modelFamily", t."payload" AS "thumbnail"
       FROM "experiments" e
       LEFT JOIN "experiment_statistics" s
         ON s."experiment_id" = e."id" AND s."version" = e."version" AND s."kind" = 'list-item'
       LEFT JOIN "experiment_statistics" t
         ON t."experiment_id" = e."id" AND t."version" = e."version" AND t."kind" = '${THUMBNAIL_KIND}'
       WHERE ${conditions}
       ORDER BY ${sort.sql} ${direction}, e."slug" ${direction} ${limit}`,
      ...pageParams,
    ),
    db.$queryRawUnsafe<{ total: number }[]>(
      `SELECT count(*)::int AS "total" FROM "experiments" e ${where}`,
      ...params,
    ),
  ]);
  return { total: counted[0]?.total ?? 0, rows };
}

/**
 * Where the page after `request.after` starts: how many matching rows come before it, and the key
 * the previous page of `pageSize` rows starts after (null when that page is the first, or there is
 * none). Both walk the sort's index backwards from the key.
 */
export async function experimentPageStart(
  db: Db,
  request: ExperimentPageRequest,
  pageSize: number,
): Promise<{ offset: number; previous: ExperimentKey | null }> {
  if (!request.after) return { offset: 0, previous: null };
  const { sort, conditions, params } = keysetClause(request, true);
  const backwards = request.order === "asc" ? "DESC" : "ASC";
  const sortValue = sortValueSql(request.sort);
  const [counted, previous] = await Promise.all([
    db.$queryRawUnsafe<{ offset: number }[]>(
      `SELECT count(*)::int AS "offset" FROM "experiments" e WHERE ${conditions}`,
      ...params,
    ),
    // The row `pageSize` back from the key is the last one before the previous page.
    db.$queryRawUnsafe<{ value: string; slug: string }[]>(
      `SELECT ${sortValue} AS "value", e."slug" FROM "experiments" e WHERE ${conditions}
       ORDER BY ${sort.sql} ${backwards}, e."slug" ${backwards} OFFSET $${params.length + 1} LIMIT 1`,
      ...params,
      pageSize,
    ),
  ]);
  return { offset: counted[0]?.offset ?? 0, previous: previous[0] ?? null };
}

/**
 * Reads the filter choices (each from an index: the distinct values, not the rows) of the
 * experiments the scope may read.
 */
export async function experimentFacets(db: Db, scope: ReadScope = READ_ALL): Promise<ExperimentFacets> {
  const params: unknown[] = [];
  const readable = readableSql(scope, params);
  const distinct = async (column: string) =>
    (
      await db.$queryRawUnsafe<{ value: string }[]>(
        `SELECT DISTINCT ${column} AS "value" FROM "experiments" e WHERE e."deleted_at" IS NULL AND ${column} IS NOT NULL${readable === null ? "" : ` AND ${readable}`} ORDER BY 1`,
        ...params,
      )
    ).map((row) => row.value);
  const [benchmarks, scales, families, studies] = await Promise.all([
    distinct(`"benchmark"`),
    distinct(`"model_scale"`),
    distinct(`"model_family"`),
    db.$queryRawUnsafe<{ slug: string; name: string }[]>(
      `SELECT "slug", "name" FROM "studies" ORDER BY "name", "slug"`,
    ),
  ]);
  return { benchmarks, scales, families, studies };
}

/**
 * How many experiments the database holds, counting those in the trash (the launcher loads the demo
 * when there are none: emptying the list by deleting must not bring the demo back).
 */
export function countExperiments(db: Db): Promise<number> {
  return db.experiment.count();
}

/**
 * Deletes a live experiment for good with its checkpoints and results (problems and the import
 * history stay): what replacing a whole sweep does. Returns false when no live experiment has that
 * slug. Takes a client or a transaction.
 */
export async function destroyExperiment(db: Prisma.TransactionClient, slug: string): Promise<boolean> {
  const { count } = await db.experiment.deleteMany({ where: { slug, deletedAt: null } });
  return count > 0;
}

/**
 * Moves a live experiment to the trash and records who did it, in one transaction. Nothing else
 * changes (not its version, nor updated_at: raw SQL, because Prisma's @updatedAt would set it), so a
 * restore brings back the very same answers. Returns when it was trashed; null when no live
 * experiment has that slug.
 */
export function trashExperiment(db: Db, slug: string, actor: AuditActor): Promise<Date | null> {
  return db.$transaction(async (tx) => {
    const [trashed] = await tx.$queryRaw<{ deleted_at: Date }[]>`
      UPDATE "experiments" SET "deleted_at" = now() WHERE "slug" = ${slug} AND "deleted_at" IS NULL
      RETURNING "deleted_at"`;
    if (!trashed) return null;
    await recordAuditEvent(tx, {
      actor,
      action: "experiment.delete",
      target: experimentTarget(slug),
      summary: `Moved experiment "${slug}" to the trash.`,
    });
    return trashed.deleted_at;
  });
}

/**
 * Brings an experiment back from the trash and records who did it, in one transaction. Returns false
 * when no experiment with that slug is in the trash.
 */
export function restoreExperiment(db: Db, slug: string, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const count = await tx.$executeRaw`
      UPDATE "experiments" SET "deleted_at" = NULL WHERE "slug" = ${slug} AND "deleted_at" IS NOT NULL`;
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      actor,
      action: "experiment.restore",
      target: experimentTarget(slug),
      summary: `Restored experiment "${slug}" from the trash.`,
    });
    return true;
  });
}

export interface TrashedExperiment {
  slug: string;
  name: string;
  deletedAt: Date;
}

/** The experiments in the trash, most recently deleted first. */
export async function listTrash(db: Db): Promise<TrashedExperiment[]> {
  const rows = await db.experiment.findMany({
    where: { deletedAt: { not: null } },
    select: { slug: true, name: true, deletedAt: true },
    orderBy: [{ deletedAt: "desc" }, { slug: "asc" }],
  });
  return rows.flatMap(({ slug, name, deletedAt }) => (deletedAt ? [{ slug, name, deletedAt }] : []));
}

/** True when an experiment with this slug is in the trash (its slug stays reserved until purged). */
export async function isTrashed(db: Prisma.TransactionClient, slug: string): Promise<boolean> {
  const row = await db.experiment.findFirst({
    where: { slug, deletedAt: { not: null } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Deletes for good every experiment moved to the trash at or before `cutoff`, with its checkpoints and
 * results, recording each purge in the same transaction. Returns the purged slugs.
 */
export function purgeTrash(db: Db, cutoff: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const purged = await tx.$queryRaw<{ slug: string; deleted_at: Date }[]>`
      DELETE FROM "experiments" WHERE "deleted_at" <= ${cutoff} RETURNING "slug", "deleted_at"`;
    for (const { slug, deleted_at } of purged) {
      await recordAuditEvent(tx, {
        actor: "system",
        action: "experiment.purge",
        target: experimentTarget(slug),
        summary: `Purged experiment "${slug}" (in the trash since ${deleted_at.toISOString()}).`,
      });
    }
    return purged.map(({ slug }) => slug).sort();
  });
}

/** The live experiment's id and current version by slug; null when none has that slug. */
export function experimentRef(db: Db, slug: string): Promise<{ id: number; version: string } | null> {
  return db.experiment.findFirst({ where: { slug, deletedAt: null }, select: { id: true, version: true } });
}

/**
 * The experiment's slug and current version (in the trash too: its statistics stay ready for a
 * restore); null when it no longer exists.
 */
export async function experimentVersion(
  tx: Prisma.TransactionClient,
  experimentId: number,
): Promise<{ slug: string; version: string } | null> {
  return tx.experiment.findUnique({ where: { id: experimentId }, select: { slug: true, version: true } });
}

/** The stored metadata columns a change may set (undefined: unchanged; null: cleared). */
export interface ExperimentMetadataColumns {
  name?: string;
  description?: string;
  benchmark?: string;
  setting?: string;
  modelFamily?: string | null;
  modelScale?: string | null;
  endpointALabel?: string;
  endpointAModel?: string | null;
  endpointBLabel?: string;
  endpointBModel?: string | null;
  clusterBy?: string | null;
}

/** Sets the given metadata columns of an experiment. */
export async function updateExperimentMetadata(
  tx: Prisma.TransactionClient,
  experimentId: number,
  columns: ExperimentMetadataColumns,
): Promise<void> {
  await tx.experiment.update({ where: { id: experimentId }, data: columns });
}
