import type { ScalingMatrixPayload } from "../contracts/scalingTypes";
import type { Db } from "../db/client";
import { READS, readStoredJson } from "./statistics/read";

/** GET /api/experiments/[slug]/matrix, parsed for the scaling page; null when there is no such experiment. */
export function getScalingMatrix(db: Db, slug: string): Promise<ScalingMatrixPayload | null> {
  return readStoredJson<ScalingMatrixPayload>(db, slug, READS.matrix);
}
