import type { Prisma } from "../generated/prisma/client";

/** A problem of the experiment whose known difficulty contradicts the target benchmark's. */
export interface MovedProblemConflict {
  externalId: string;
  stored: string;
  target: string;
}

/** The problems an experiment's results point at. */
const EXPERIMENT_PROBLEMS = `SELECT DISTINCT r."problem_id" FROM "results" r
  JOIN "checkpoints" c ON c."id" = r."checkpoint_id" WHERE c."experiment_id" = $1`;

/**
 * Moves an experiment's results onto the problems of another benchmark (problems are shared per
 * benchmark, so a benchmark change is a change of which problems the results are about): each
 * problem is found by its id in `benchmark`, created there with the metadata it has when missing,
 * and completed where the target lacks a title, difficulty, platform or date. Returns the problems
 * whose known difficulties contradict, and moves nothing then. The old problem rows stay (problems
 * outlive experiments).
 */
export async function moveExperimentProblems(
  tx: Prisma.TransactionClient,
  experimentId: number,
  benchmark: string,
): Promise<MovedProblemConflict[]> {
  const conflicts = await tx.$queryRawUnsafe<{ external_id: string; stored: string; target: string }[]>(
    `SELECT p."external_id", p."difficulty" AS "stored", t."difficulty" AS "target"
     FROM "problems" p JOIN "problems" t ON t."benchmark" = $2 AND t."external_id" = p."external_id"
     WHERE p."id" IN (${EXPERIMENT_PROBLEMS}) AND p."difficulty" <> 'unknown' AND t."difficulty" <> 'unknown'
       AND p."difficulty" <> t."difficulty"
     ORDER BY p."external_id"`,
    experimentId,
    benchmark,
  );
  if (conflicts.length > 0)
    return conflicts.map((row) => ({ externalId: row.external_id, stored: row.stored, target: row.target }));
  await tx.$executeRawUnsafe(
    `INSERT INTO "problems" AS t ("benchmark", "external_id", "title", "difficulty", "platform", "contest_date")
     SELECT $2, p."external_id", p."title", p."difficulty", p."platform", p."contest_date"
     FROM "problems" p WHERE p."id" IN (${EXPERIMENT_PROBLEMS})
     ON CONFLICT ("benchmark", "external_id") DO UPDATE SET
       "title" = COALESCE(t."title", EXCLUDED."title"),
       "difficulty" = CASE WHEN t."difficulty" = 'unknown' THEN EXCLUDED."difficulty" ELSE t."difficulty" END,
       "platform" = COALESCE(t."platform", EXCLUDED."platform"),
       "contest_date" = COALESCE(t."contest_date", EXCLUDED."contest_date")`,
    experimentId,
    benchmark,
  );
  await tx.$executeRawUnsafe(
    `UPDATE "results" r SET "problem_id" = t."id"
     FROM "checkpoints" c, "problems" p, "problems" t
     WHERE c."id" = r."checkpoint_id" AND c."experiment_id" = $1 AND p."id" = r."problem_id"
       AND t."benchmark" = $2 AND t."external_id" = p."external_id"`,
    experimentId,
    benchmark,
  );
  return [];
}
