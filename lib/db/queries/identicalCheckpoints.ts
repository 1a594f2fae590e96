import type { Prisma } from "../generated/prisma/client";

/** A checkpoint whose results equal another checkpoint's of the same experiment. */
export interface IdenticalPair {
  alpha: number;
  /** The other checkpoint's α. */
  same: number;
}

/**
 * Checkpoints among `checkpointIds` whose per-problem verdict counts equal those of another
 * live checkpoint of the experiment: the same problems, and for every one the same n and the same six
 * verdict counts (runtimes are not compared). Each checkpoint is reduced to one digest of its
 * rows in problem order, so this is one scan of the experiment's results.
 */
export async function findIdenticalCheckpoints(
  tx: Prisma.TransactionClient,
  experimentId: number,
  checkpointIds: readonly number[],
): Promise<IdenticalPair[]> {
  if (checkpointIds.length === 0) return [];
  return tx.$queryRawUnsafe<IdenticalPair[]>(
    `WITH digests AS (
       SELECT c."id", c."alpha", md5(string_agg(concat_ws(',', r."problem_id", r."n", r."pass", r."wrong_answer",
         r."time_limit", r."runtime_error", r."compile_error", r."other"), ';' ORDER BY r."problem_id")) AS "digest"
       FROM "checkpoints" c JOIN "results" r ON r."checkpoint_id" = c."id"
       WHERE c."experiment_id" = $1 AND c."alpha" IS NOT NULL AND c."retired_at" IS NULL GROUP BY c."id", c."alpha")
     SELECT a."alpha", b."alpha" AS "same" FROM digests a
     JOIN digests b ON b."digest" = a."digest" AND b."id" <> a."id"
     WHERE a."id" = ANY($2::int[]) ORDER BY a."alpha", b."alpha"`,
    experimentId,
    checkpointIds,
  );
}
