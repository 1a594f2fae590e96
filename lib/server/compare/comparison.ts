import { createHash } from "node:crypto";
import type { ComparisonData, ProblemIdSet } from "../../contracts/compareTypes";
import type { Db } from "../../db/client";
import { DIFFICULTY_SLICES } from "../../domain/difficulty";
import { FRONTIER_KIND } from "../../responses/statisticKinds";
import { NotFoundError } from "../errors";
import { matchesEtag, READS, readStoredResponse, type StoredResponse } from "../statistics/read";
import { problemSetOverlap } from "./overlap";

/** One compared experiment's stored frontier body (as its own route serves it) and problem ids. */
async function readCompared(db: Db, slug: string) {
  const [frontier, problems] = await Promise.all([
    readStoredResponse(db, slug, READS.frontier),
    readStoredResponse(db, slug, READS.problemIds),
  ]);
  if (!frontier || !problems) return null;
  return { frontier, problems: JSON.parse(problems.body as string) as ProblemIdSet };
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
  const sets = found.map(({ problems }) => problems);
  const comparison: Omit<ComparisonData, "experiments"> = {
    sameBenchmark: sets.every((set) => set.benchmark === sets[0].benchmark),
    problems: Object.fromEntries(
      DIFFICULTY_SLICES.map((slice) => [slice, problemSetOverlap(sets, slice)]),
    ) as ComparisonData["problems"],
  };
  // The frontier bodies go out as stored: no parse and re-serialisation of the largest part.
  const experiments = found.map(({ frontier }) => frontier.body).join(",");
  return { ...response, body: `{"experiments":[${experiments}],${JSON.stringify(comparison).slice(1)}` };
}

/** The comparison parsed, for the server-rendered page. */
export async function getComparison(db: Db, slugs: readonly string[]): Promise<ComparisonData> {
  return JSON.parse((await comparisonResponse(db, slugs)).body as string);
}
