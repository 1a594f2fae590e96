import { LRUCache } from "lru-cache";
import type { ProblemChangesQuery } from "../contracts/problemSchemas";
import type { ProblemChangesPage, ProblemCounts } from "../contracts/problemTypes";
import type { Db } from "../db/client";
import { formatAlpha } from "../domain/alpha";
import { inSlice } from "../domain/difficulty";
import { changesPower } from "../science/power";
import { changeCounts, problemChanges } from "../science/problemChanges";
import { positiveIntegerSetting } from "./envSetting";
import { BadRequestError } from "./errors";
import { checkpointIndexOf } from "./scalingMembers";
import { READS, readStoredResponse, type StoredResponse } from "./statistics/read";

const CACHE_BYTES = positiveIntegerSetting("ALPHASCOPE_PROBLEMS_CACHE_MB", 32) * 2 ** 20;

/**
 * Parsed problem counts by experiment version (a 41 α × 5 000 problem body is ~1.5 MB of JSON, ~10 ms
 * to parse): paging and re-sorting then costs a pass over the problems, not a parse. A version never
 * changes, so entries need no invalidation; bounded by the size of the text they were parsed from.
 */
const parsed = new LRUCache<string, { counts: ProblemCounts; bytes: number }>({
  maxSize: CACHE_BYTES,
  maxEntrySize: CACHE_BYTES,
  sizeCalculation: (entry) => entry.bytes,
});

function countsOf(stored: StoredResponse & { body: string }): ProblemCounts {
  const key = stored.etag;
  const hit = parsed.get(key);
  if (hit) return hit.counts;
  const counts = JSON.parse(stored.body) as ProblemCounts;
  parsed.set(key, { counts, bytes: stored.body.length * 2 });
  return counts;
}

/** The checkpoint index of an α named by a query field; a 400 naming the field when it was not evaluated. */
function alphaIndex(alphas: readonly number[], alpha: number, field: "from" | "to"): number {
  const index = checkpointIndexOf(
    alphas.map((value) => ({ alpha: value })),
    alpha,
  );
  if (index < 0) {
    const evaluated = alphas.length === 0 ? "none yet" : alphas.map(formatAlpha).join(", ");
    throw new BadRequestError(
      `Invalid query parameter "${field}": no checkpoint at α = ${formatAlpha(alpha)} in this experiment; evaluated α: ${evaluated}.`,
      { fields: [{ field, message: `α = ${formatAlpha(alpha)} was not evaluated` }], truncated: false },
    );
  }
  return index;
}

/** One page of the problems ranked by their change in pass rate between two evaluated α. */
export function problemChangesPage(counts: ProblemCounts, query: ProblemChangesQuery): ProblemChangesPage {
  const from = alphaIndex(counts.alphas, query.from, "from");
  const to = alphaIndex(counts.alphas, query.to, "to");
  const candidates = counts.problems.flatMap((problem, row) =>
    inSlice(problem.difficulty, query.difficulty) ? [row] : [],
  );
  const changes = problemChanges(counts.problems, from, to, query.order, candidates, query.sort);
  return {
    version: counts.version,
    total: changes.length,
    summary: changeCounts(changes),
    power: changesPower(
      counts.problems,
      changes,
      from,
      to,
      query.detect / 100,
      counts.clusters?.keys ?? null,
    ),
    problems: changes.slice(query.offset, query.offset + query.limit).map(({ row, delta, shrunk, p, q }) => {
      const problem = counts.problems[row];
      return {
        id: problem.id,
        title: problem.title,
        difficulty: problem.difficulty,
        from: { n: problem.n[from], pass: problem.pass[from] },
        to: { n: problem.n[to], pass: problem.pass[to] },
        delta,
        shrunkDelta: shrunk,
        p,
        q,
      };
    }),
  };
}

/**
 * GET /api/experiments/[slug]/problems: computed from the version's stored problem counts (one
 * lookup; a 304 when the client's ETag names the version). Null when there is no such experiment.
 */
export async function problemChangesResponse(
  db: Db,
  slug: string,
  query: ProblemChangesQuery,
  ifNoneMatch: string | null,
): Promise<StoredResponse | null> {
  const stored = await readStoredResponse(db, slug, READS.problems, ifNoneMatch);
  if (!stored || stored.body === null) return stored;
  const body = stored.body;
  return { ...stored, body: JSON.stringify(problemChangesPage(countsOf({ ...stored, body }), query)) };
}
