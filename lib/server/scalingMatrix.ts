import type { ScalingMatrixPayload } from "../api/scalingTypes";
import type { Db } from "../db/client";
import { scalingMatrixPayload } from "../importer/statistics/payloads";
import { derive } from "./sweepCache";

/** GET /api/experiments/[slug]/matrix; null when there is no such experiment. */
export function getScalingMatrix(db: Db, slug: string): Promise<ScalingMatrixPayload | null> {
  return derive(db, slug, "scaling-matrix", scalingMatrixPayload);
}
