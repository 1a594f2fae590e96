import { createHash } from "node:crypto";
import type { ExperimentDetail, ExperimentListItem, FrontierData } from "../contracts/types";
import type { Db } from "../db/client";
import { listExperiments } from "../db/queries/experiments";
import { type ListedExperiment, statisticList } from "../db/queries/statistics";
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
