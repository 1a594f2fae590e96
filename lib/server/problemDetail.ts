import type { ProblemCheckpoint, ProblemDetail } from "../contracts/problemTypes";
import type { Db } from "../db/client";
import { problemResults, type StoredProblemResult } from "../db/queries/problemResults";
import { alphaKind } from "../domain/alpha";
import { passAtK, STANDARD_KS } from "../science/passAtK";
import { NotFoundError } from "./errors";
import { matchesEtag } from "./statistics/read";

function checkpointOf(result: StoredProblemResult): ProblemCheckpoint {
  const { n, verdicts } = result;
  return {
    alpha: result.alpha,
    kind: alphaKind(result.alpha),
    label: result.label,
    n,
    verdicts,
    passAtK: STANDARD_KS.filter((k) => k <= n).map((k) => ({ k, value: passAtK(n, verdicts.pass, k) })),
    runtime:
      result.runtimeCount > 0 && result.runtimeMeanMs !== null
        ? {
            samples: result.runtimeCount,
            meanMs: result.runtimeMeanMs,
            minMs: result.runtimeMinMs,
            maxMs: result.runtimeMaxMs,
          }
        : null,
    dpsNorm: result.dpsNorm,
  };
}

/** A problem page's answer: the body, or null when the client's copy (its ETag) is current. */
export interface ProblemDetailResponse {
  etag: string;
  detail: ProblemDetail | null;
}

/**
 * GET /api/experiments/[slug]/problems/[id]: one problem's verdicts, pass@k and runtimes at every α
 * that evaluated it, read in one query. 404 for an unknown experiment or a problem none of its
 * checkpoints evaluated.
 */
export async function problemDetail(
  db: Db,
  slug: string,
  id: string,
  ifNoneMatch: string | null = null,
): Promise<ProblemDetailResponse> {
  const stored = await problemResults(db, slug, id);
  if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
  if (!stored.problem) throw new NotFoundError(`Experiment "${slug}" has no results for a problem "${id}".`);
  const etag = `"${stored.version}.problem"`;
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) return { etag, detail: null };
  const { problem } = stored;
  return {
    etag,
    detail: {
      version: stored.version,
      experiment: slug,
      id: problem.externalId,
      title: problem.title,
      difficulty: problem.difficulty,
      platform: problem.platform,
      contestDate: problem.contestDate,
      checkpoints: stored.results.map(checkpointOf),
    },
  };
}
