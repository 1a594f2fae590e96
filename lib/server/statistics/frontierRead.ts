import type { z } from "zod";
import type { frontierQuerySchema } from "../../contracts/schemas";
import type { FrontierData } from "../../contracts/types";
import type { Db } from "../../db/client";
import { withParetoAxes } from "../../responses/frontierPareto";
import { DEFAULT_FRONTIER_AXES } from "../../science/guardedPareto";
import { matchesEtag, READS, readStoredResponse, type StoredResponse } from "./read";

export type FrontierQuery = z.infer<typeof frontierQuerySchema>;

function isStoredAxes(query: FrontierQuery): boolean {
  return (
    query.x === DEFAULT_FRONTIER_AXES.x &&
    query.y === DEFAULT_FRONTIER_AXES.y &&
    query.collapsed === "exclude"
  );
}

/**
 * GET /api/experiments/[slug]/frontier: the stored body as it is for the default axes; for other
 * axes (or with collapsed checkpoints competing) the same body with every slice's Pareto set
 * recomputed from its points (a few hundred comparisons), under an ETag naming the axes too.
 */
export async function readFrontier(
  db: Db,
  slug: string,
  query: FrontierQuery,
  ifNoneMatch: string | null,
): Promise<StoredResponse | null> {
  if (isStoredAxes(query)) return readStoredResponse(db, slug, READS.frontier, ifNoneMatch, query.version);
  const stored = await readStoredResponse(db, slug, READS.frontier, null, query.version);
  if (!stored || stored.body === null || stored.httpStatus !== 200) return stored;
  const etag = `${stored.etag.slice(0, -1)}.${query.x}.${query.y}.${query.collapsed}"`;
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) return { ...stored, etag, body: null };
  const data = JSON.parse(stored.body) as FrontierData;
  const body = JSON.stringify(
    withParetoAxes(data, { x: query.x, y: query.y, includeCollapsed: query.collapsed === "include" }),
  );
  return { ...stored, etag, body };
}
