import type { ExperimentDetail, ExperimentListItem, FrontierData } from "../api/types";
import type { Db } from "../db/client";
import { listExperiments } from "../db/queries/experiments";
import { experimentDetail, frontierData } from "../importer/statistics/payloads";
import { derive } from "./sweepCache";

export function getExperimentList(db: Db): Promise<ExperimentListItem[]> {
  return listExperiments(db);
}

/** GET /api/experiments/[slug] and `alphascope metrics`: per-checkpoint scores, overall and by difficulty. */
export function getExperimentDetail(db: Db, slug: string): Promise<ExperimentDetail | null> {
  return derive(db, slug, "detail", experimentDetail);
}

/** GET /api/experiments/[slug]/frontier: every registry metric of every checkpoint with its CI. */
export function getFrontierData(db: Db, slug: string): Promise<FrontierData | null> {
  return derive(db, slug, "frontier", frontierData);
}
