import type { ClaimsQuery, StoredClaims } from "../contracts/claimSchemas";
import type { Db } from "../db/client";
import type { DifficultySlice } from "../domain/difficulty";
import { type AxesClaims, asksOtherAxes, claimsAnswer } from "../responses/claims";
import type { ClaimAxes } from "../science/claims";
import { computeOffThread, requireComputeCapacity } from "./compute/pool";
import { ApiError } from "./errors";
import { matchesEtag, READS, readStoredResponse, versionedHeaders } from "./statistics/read";

/** The current version changed while its claims on other axes were being computed. */
class VersionMovedError extends ApiError {
  constructor(slug: string) {
    super(409, "version_changed", `"${slug}" was re-imported during the request; ask again.`);
    this.name = "VersionMovedError";
  }
}

/**
 * GET /api/experiments/[slug]/claims: the stored claims of the current version for the slice, with
 * flat-solve-rate judged at the asked margin (no recomputation: its intervals are stored). Other axes
 * than the defaults recompute extrapolation-extends and retraces in a compute thread (one bootstrap) from the
 * stored sweep columns, so the request thread only reads stored text. Null when no experiment has
 * that slug; a 503 while the worker has not stored them yet.
 */
export async function readClaims(
  db: Db,
  slug: string,
  query: ClaimsQuery,
  ifNoneMatch: string | null,
): Promise<Response | null> {
  const stored = await readStoredResponse(db, slug, READS.claims);
  if (!stored) return null;
  const etag = `${stored.etag.slice(0, -1)}.${query.difficulty}.${query.margin}.${query.x}.${query.y}"`;
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag))
    return new Response(null, { status: 304, headers: versionedHeaders(etag) });
  const claims = JSON.parse(stored.body as string) as StoredClaims;
  let onAxes: AxesClaims | undefined;
  if (asksOtherAxes(query)) {
    const computed = await claimsOnStoredSweep(db, slug, query.difficulty, query);
    if (!computed) return null;
    if (computed.version !== claims.version) throw new VersionMovedError(slug);
    onAxes = computed.claims;
  }
  return new Response(JSON.stringify(claimsAnswer(claims, query, onAxes)), {
    status: 200,
    headers: { "content-type": "application/json", ...versionedHeaders(etag) },
  });
}

/**
 * extrapolation-extends and retraces on other axes than the stored ones, for one slice of the current version:
 * one bootstrap in a compute thread (503 when the pool is full) over the version's stored sweep
 * columns, with the version it was computed on. Null when no experiment has that slug.
 */
export async function claimsOnStoredSweep(
  db: Db,
  slug: string,
  difficulty: DifficultySlice,
  axes: ClaimAxes,
): Promise<{ version: string; claims: AxesClaims } | null> {
  requireComputeCapacity();
  const sweep = await readStoredResponse(db, slug, READS.sweepColumns);
  if (!sweep) return null;
  const claims = await computeOffThread<AxesClaims>({
    type: "claims-axes",
    sweep: sweep.body as string,
    difficulty,
    axes: { x: axes.x, y: axes.y },
  });
  return { version: sweep.version, claims };
}
