import type { ProblemCounts } from "../contracts/problemTypes";
import type { Db } from "../db/client";
import { READS, readStoredJson } from "./statistics/read";

/** GET /api/experiments/[slug]/problem-counts, parsed for the problems view; null when there is no such experiment. */
export function getProblemCounts(db: Db, slug: string): Promise<ProblemCounts | null> {
  return readStoredJson<ProblemCounts>(db, slug, READS.problems);
}
