import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { ComparisonData, ProblemIdSet } from "../../contracts/compareTypes";
import type { Db } from "../../db/client";
import { DIFFICULTY_SLICES } from "../../domain/difficulty";
import { FRONTIER_KIND } from "../../responses/statisticKinds";
import { NotFoundError } from "../errors";
import {
  type CachedBody,
  cachedBody,
  cachedBodySize,
  matchesEtag,
  READS,
  readStoredResponse,
  type StoredResponse,
} from "../statistics/read";
import { problemSetOverlap } from "./overlap";

interface Compared {
  /** The stored frontier body, as the experiment's own route serves it. */
  frontier: StoredResponse;
  /** The stored problem-id list (JSON text), parsed only when the comparison is not cached. */
  problems: StoredResponse;
}

/** One compared experiment's stored frontier and problem ids; null for an unknown experiment. */
async function readCompared(db: Db, slug: string): Promise<Compared | null> {
  const [frontier, problems] = await Promise.all([
    readStoredResponse(db, slug, READS.frontier),
    readStoredResponse(db, slug, READS.problemIds),
  ]);
  return frontier && problems ? { frontier, problems } : null;
}

/**
 * GET /api/compare: each experiment's stored frontier body, verbatim (so every number is its own
 * frontier's), with whether they share a benchmark and how their problem ids overlap per slice,
 * computed from each version's stored problem-id list. The ETag changes when any experiment's
 * version (or the stored kind of its frontier) does. A NotFoundError names every unknown slug.
 */
export async function comparisonResponse(
  db: Db,
  slugs: readonly string[],
  ifNoneMatch: string | null = null,
): Promise<StoredResponse> {
  const compared = await Promise.all(slugs.map((slug) => readCompared(db, slug)));
  const unknown = slugs.filter((_, i) => compared[i] === null);
  if (unknown.length > 0)
    throw new NotFoundError(`No experiment ${unknown.map((slug) => `"${slug}"`).join(", ")}.`);
  const found = compared.filter((entry) => entry !== null);
  const etag = `"${createHash("sha1")
    .update(found.map(({ frontier }) => frontier.etag).join(","))
    .digest("base64url")}"`;
  const response: Omit<StoredResponse, "body"> = { version: "", kind: FRONTIER_KIND, httpStatus: 200, etag };
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) return { ...response, body: null };
  let body = comparisons.get(etag);
  if (body === undefined) {
    body = cachedBody(comparisonBody(found));
    comparisons.set(etag, body);
  }
  return { ...response, body: body.text, encoded: body };
}

/**
 * Comparison bodies by ETag (the compared frontiers' versions): a burst of one comparison computes
 * the problem-set overlaps once. Bounded by size.
 */
const comparisons = new LRUCache<string, CachedBody>({
  maxSize: 64 * 2 ** 20,
  sizeCalculation: cachedBodySize,
});

function comparisonBody(found: readonly Compared[]): string {
  const sets = found.map(({ problems }) => JSON.parse(problems.body as string) as ProblemIdSet);
  const comparison: Omit<ComparisonData, "experiments"> = {
    sameBenchmark: sets.every((set) => set.benchmark === sets[0].benchmark),
    problems: Object.fromEntries(
      DIFFICULTY_SLICES.map((slice) => [slice, problemSetOverlap(sets, slice)]),
    ) as ComparisonData["problems"],
  };
  // The frontier bodies go out as stored: no parse and re-serialisation of the largest part.
  const experiments = found.map(({ frontier }) => frontier.body).join(",");
  return `{"experiments":[${experiments}],${JSON.stringify(comparison).slice(1)}`;
}

/** The comparison parsed, for the server-rendered page. */
export async function getComparison(db: Db, slugs: readonly string[]): Promise<ComparisonData> {
  return JSON.parse((await comparisonResponse(db, slugs)).body as string);
}
