import { createHash } from "node:crypto";
import {
  type ExperimentFacets,
  type ExperimentListQuery,
  type ExperimentPage,
  type ExperimentPageItem,
  sortOrder,
} from "../contracts/experimentListQuery";
import type { ExperimentThumbnail } from "../contracts/experimentThumbnail";
import type { ExperimentDetail, ExperimentListItem, FrontierData } from "../contracts/types";
import type { Db } from "../db/client";
import { READ_ALL, type ReadScope } from "../db/queries/experimentShares";
import {
  type ExperimentKey,
  type ExperimentPageRequest,
  experimentFacets,
  experimentPage,
  experimentPageStart,
  listExperiments,
} from "../db/queries/experiments";
import { type ListedExperiment, statisticList } from "../db/queries/statistics";
import { BadRequestError } from "./errors";
import { currentDataChange } from "./statistics/dataChanges";
import { matchesEtag, READS, readStoredJson, type StoredResponse } from "./statistics/read";

const globalForList = globalThis as typeof globalThis & {
  alphascopeList?: { db: Db; changeId: string; listed: ListedExperiment[] };
};

/** The list's rows, remembered while data_changes has not moved (as the reads of one experiment are). */
async function currentList(db: Db): Promise<ListedExperiment[]> {
  const changeId = await currentDataChange(db);
  const remembered = globalForList.alphascopeList;
  if (remembered?.db === db && remembered.changeId === changeId) return remembered.listed;
  const listed = await statisticList(db);
  if (changeId !== null) globalForList.alphascopeList = { db, changeId, listed };
  return listed;
}

/**
 * GET /api/experiments: the list row each import stored, most recently updated first. Experiments
 * with none stored yet (data from before statistics existed) are counted from their results.
 */
export async function experimentListResponse(
  db: Db,
  ifNoneMatch: string | null = null,
): Promise<StoredResponse> {
  const listed = await currentList(db);
  const etag = `"${createHash("sha1")
    .update(listed.map((row) => `${row.slug}:${row.version}`).join("\n"))
    .digest("base64url")}"`;
  const found = { version: "", kind: "list-item" as const, httpStatus: 200, etag };
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) return { ...found, body: null };
  const missing = listed.some((row) => row.payload === null);
  const counted = missing ? new Map((await listExperiments(db)).map((item) => [item.slug, item])) : null;
  const rows = listed.map((row) => row.payload ?? JSON.stringify(counted?.get(row.slug)));
  return { ...found, body: `[${rows.join(",")}]` };
}

/** A page's cursor: the last row's sort value and slug, opaque to clients. */
function encodeCursor(key: ExperimentKey): string {
  return Buffer.from(JSON.stringify([key.value, key.slug])).toString("base64url");
}

/** A cursor's key; a 400 for anything this server did not write (an `updated` key must be a timestamp). */
function decodeCursor(cursor: string, sort: ExperimentListQuery["sort"]): ExperimentKey {
  try {
    const [value, slug]: unknown[] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const timestamp = sort !== "updated" || (typeof value === "string" && !Number.isNaN(Date.parse(value)));
    if (typeof value === "string" && typeof slug === "string" && timestamp) return { value, slug };
  } catch {
    // falls through to the 400 below
  }
  throw new BadRequestError("Invalid query parameter cursor: not a cursor this server returned.");
}

/** Whether the query asks for more than today's whole array (a page, a filter or a sort). */
export function isListQuery(query: ExperimentListQuery): boolean {
  return Object.entries(query).some(
    ([field, value]) => value !== undefined && !(field === "sort" && value === "updated"),
  );
}

/**
 * GET /api/experiments with a query: the matching experiments in the asked order, one page of
 * `limit` when given (`total` counts all pages, `offset` those before it), each with its model
 * columns and stored thumbnail (null until the worker stored it). Rows are the stored list rows; an
 * experiment with none stored yet is counted from its results.
 */
export async function getExperimentPage(
  db: Db,
  query: ExperimentListQuery,
  readable: ReadScope = READ_ALL,
): Promise<ExperimentPage> {
  const { q, benchmark, setting, scale, family, study, synthetic } = query;
  const request: ExperimentPageRequest = {
    filters: {
      q,
      benchmark,
      setting,
      scale,
      family,
      study,
      synthetic: synthetic === undefined ? undefined : synthetic === "true",
      readable,
    },
    sort: query.sort,
    order: sortOrder(query),
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort),
  };
  // One row past the page tells whether another page follows.
  const [{ total, rows: read }, start] = await Promise.all([
    experimentPage(db, { ...request, limit: query.limit === undefined ? undefined : query.limit + 1 }),
    query.limit === undefined ? { offset: 0, previous: null } : experimentPageStart(db, request, query.limit),
  ]);
  const rows = query.limit === undefined ? read : read.slice(0, query.limit);
  const counted = rows.some((row) => row.payload === null)
    ? new Map((await listExperiments(db)).map((item) => [item.slug, item]))
    : null;
  const items = rows.map(
    (row): ExperimentPageItem => ({
      ...((row.payload === null ? counted?.get(row.slug) : JSON.parse(row.payload)) as ExperimentListItem),
      modelScale: row.modelScale,
      modelFamily: row.modelFamily,
      thumbnail: row.thumbnail === null ? null : (JSON.parse(row.thumbnail) as ExperimentThumbnail),
    }),
  );
  const last = rows.at(-1);
  const nextCursor =
    last && read.length > rows.length ? encodeCursor({ value: last.sortValue, slug: last.slug }) : null;
  const previousCursor = start.previous === null ? null : encodeCursor(start.previous);
  return { total, offset: start.offset, items, nextCursor, previousCursor };
}

/** The home page's filter choices, from the experiments the scope may read. */
export function getExperimentFacets(db: Db, scope: ReadScope = READ_ALL): Promise<ExperimentFacets> {
  return experimentFacets(db, scope);
}

/** The experiment list for pages and `alphascope experiments`. */
export async function getExperimentList(db: Db): Promise<ExperimentListItem[]> {
  return JSON.parse((await experimentListResponse(db)).body as string);
}

/** GET /api/experiments/[slug] and `alphascope metrics`: per-checkpoint scores, overall and by difficulty. */
export function getExperimentDetail(db: Db, slug: string): Promise<ExperimentDetail | null> {
  return readStoredJson<ExperimentDetail>(db, slug, READS.detail);
}

/**
 * GET /api/experiments/[slug]/frontier: every registry metric of every checkpoint with its CI, per
 * difficulty slice; the points alone (intervals null, status "computing") until the job stored them.
 */
export function getFrontierData(db: Db, slug: string): Promise<FrontierData | null> {
  return readStoredJson<FrontierData>(db, slug, READS.frontier);
}
