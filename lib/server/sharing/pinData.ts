import { type ClaimsQuery, claimsQuerySchema } from "../../contracts/claimSchemas";
import type { SharedPage } from "../../contracts/sharing";
import type { Db } from "../../db/client";
import { DIFFICULTY_SLICES } from "../../domain/difficulty";
import { asksOtherAxes } from "../../responses/claims";
import { claimsOnStoredSweep } from "../claims";
import { ApiError } from "../errors";
import { READS, readStoredResponse, StatisticsPendingError, type StoredRead } from "../statistics/read";

/** The response bodies a snapshot pins, as JSON text, and the one version they all come from. */
export interface PinnedData {
  version: string;
  data: string;
}

/** An import committed between two reads: the reads are made again (409 when it keeps happening). */
export class VersionMovedError extends ApiError {
  constructor() {
    super(409, "conflict", "The experiment changed while it was being pinned; share again.");
  }
}

/**
 * Reads one stored body for the pinned data: the complete kind (with intervals or bands) or a
 * StatisticsPendingError, since a snapshot without its intervals would lack them forever.
 */
async function readComplete(
  db: Db,
  slug: string,
  read: StoredRead,
  version: string | null,
): Promise<{ version: string; status: number; body: string } | null> {
  const stored = await readStoredResponse(db, slug, read);
  if (!stored) return null;
  if (stored.kind !== read.kinds[0]) throw new StatisticsPendingError(slug);
  if (version !== null && stored.version !== version) throw new VersionMovedError();
  return { version: stored.version, status: stored.httpStatus, body: stored.body as string };
}

/** The slice and axes a view's claim cards are tested on (the defaults where the view names none or is off). */
function claimsQueryOf(view: string): ClaimsQuery {
  const params = new URLSearchParams(view);
  const asked = claimsQuerySchema.safeParse({
    difficulty: params.get("difficulty") ?? undefined,
    x: params.get("x") ?? undefined,
    y: params.get("y") ?? undefined,
  });
  return asked.success ? asked.data : claimsQuerySchema.parse({});
}

/**
 * The experiment's claims as a PinnedClaims text at `version`: the stored body and, when the view
 * plots other axes, extrapolation-extends and retraces tested on them for its slice (a compute
 * thread's bootstrap).
 */
export async function pinClaims(db: Db, slug: string, version: string, view: string): Promise<string | null> {
  const stored = await readComplete(db, slug, READS.claims, version);
  if (!stored) return null;
  const query = claimsQueryOf(view);
  if (!asksOtherAxes(query)) return `{"stored":${stored.body},"onAxes":null}`;
  const axes = { x: query.x, y: query.y };
  const computed = await claimsOnStoredSweep(db, slug, query.difficulty, axes);
  if (!computed) return null;
  if (computed.version !== version) throw new VersionMovedError();
  const onAxes = {
    difficulty: query.difficulty,
    axes,
    claim: computed.claims.extrapolation,
    retraces: computed.claims.retraces ?? null,
  };
  return `{"stored":${stored.body},"onAxes":${JSON.stringify(onAxes)}}`;
}

/**
 * The explorer's detail, frontier and claims, or the scaling page's matrix and curves, at one
 * version.
 */
async function readOnce(db: Db, slug: string, page: SharedPage, view: string): Promise<PinnedData | null> {
  if (page === "explorer") {
    const detail = await readComplete(db, slug, READS.detail, null);
    if (!detail) return null;
    const frontier = await readComplete(db, slug, READS.frontier, detail.version);
    if (!frontier) return null;
    const claims = await pinClaims(db, slug, detail.version, view);
    if (!claims) return null;
    return {
      version: detail.version,
      data: `{"detail":${detail.body},"frontier":${frontier.body},"claims":${claims}}`,
    };
  }
  const matrix = await readComplete(db, slug, READS.matrix, null);
  if (!matrix) return null;
  const slices: string[] = [];
  for (const slice of DIFFICULTY_SLICES) {
    const plain = await readComplete(db, slug, READS.passAtK(slice, false), matrix.version);
    const bands = await readComplete(db, slug, READS.passAtK(slice, true), matrix.version);
    if (!plain || !bands) return null;
    // A slice without problems is stored as its 400 answer: a pinned request for it earns the same.
    if (plain.status === 200 && bands.status === 200)
      slices.push(`"${slice}":{"plain":${plain.body},"bands":${bands.body}}`);
  }
  return { version: matrix.version, data: `{"matrix":${matrix.body},"passAtK":{${slices.join(",")}}}` };
}

/**
 * What a snapshot of `page` with `view` pins: the stored bodies, byte for byte as the live routes served them,
 * all of one version (read again when an import lands in between). Null when there is no such
 * experiment.
 */
export function pinData(db: Db, slug: string, page: SharedPage, view: string): Promise<PinnedData | null> {
  return readAgainWhenMoved(() => readOnce(db, slug, page, view));
}

/** Runs `read` again while an import lands between its reads (a 409 on the fourth time). */
export async function readAgainWhenMoved<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof VersionMovedError) || attempt >= 3) throw error;
    }
  }
}
