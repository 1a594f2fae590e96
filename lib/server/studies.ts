import type { ComparisonData } from "../contracts/compareTypes";
import type { StudyDetail, StudyListItem } from "../contracts/studies";
import type { Db } from "../db/client";
import { READ_ALL, type ReadScope } from "../db/queries/experimentShares";
import { listStudies, studyBySlug } from "../db/queries/studies";
import { studyGrid } from "../responses/studyGrid";
import { signInRequired } from "./auth/visibility";
import { comparisonResponse } from "./compare/comparison";
import { NotFoundError } from "./errors";
import type { StoredResponse } from "./statistics/read";

/** GET /api/studies: every study that groups an experiment the scope may read. */
export function getStudyList(db: Db, scope: ReadScope = READ_ALL): Promise<StudyListItem[]> {
  return listStudies(db, scope);
}

/**
 * GET /api/studies/<slug>: the study's experiments the scope may read, laid out as a grid; a 404
 * for an unknown slug and, when sign-in is on, for a study of which the caller may read none.
 */
export async function getStudy(db: Db, slug: string, scope: ReadScope = READ_ALL): Promise<StudyDetail> {
  const study = await studyBySlug(db, slug, scope);
  if (!study || (scope.kind !== "all" && study.experiments.length === 0)) {
    // Anonymous callers sign in first, as for an experiment that is not public (docs/security.md).
    if (scope.kind === "public") throw signInRequired();
    throw new NotFoundError(`No study "${slug}".`);
  }
  return studyGrid(study);
}

/**
 * GET /api/studies/<slug>/frontiers: the study's experiments' stored frontiers in the grid's order,
 * with their benchmark and problem-set overlap (the comparison's shape and ETag).
 */
export async function studyFrontiersResponse(
  db: Db,
  slug: string,
  ifNoneMatch: string | null = null,
  scope: ReadScope = READ_ALL,
): Promise<StoredResponse> {
  const study = await getStudy(db, slug, scope);
  if (study.experiments.length === 0) throw new NotFoundError(`Study "${slug}" has no experiments.`);
  return comparisonResponse(
    db,
    study.experiments.map((experiment) => experiment.slug),
    ifNoneMatch,
  );
}

/** The study's frontiers parsed, for the server-rendered page. */
export async function getStudyFrontiers(
  db: Db,
  slug: string,
  scope: ReadScope = READ_ALL,
): Promise<ComparisonData> {
  return JSON.parse((await studyFrontiersResponse(db, slug, null, scope)).body as string);
}
