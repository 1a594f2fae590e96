import { LRUCache } from "lru-cache";
import type { FrontierData } from "../../contracts/types";
import type { Db } from "../../db/client";
import { NotFoundError } from "../errors";
import { matchesEtag, READS, readStoredResponse, versionedHeaders } from "../statistics/read";

/** The stored frontier of an experiment's current version, parsed, with what its ETag is made of. */
export interface StoredFrontier {
  data: FrontierData;
  /** The same, as stored (JSON text), to hand to a thread without serialising it again. */
  json: string;
  /** The frontier read's ETag without quotes: version and stored kind (ready or computing). */
  tag: string;
}

/**
 * The frontier as stored for the experiment's current version (or the version `versionId`) — what the exports, the mergekit
 * recipe and the link preview are derived from, so they quote the JSON's numbers and compute
 * nothing heavy. A NotFoundError for an unknown experiment.
 */
export async function storedFrontier(db: Db, slug: string, versionId?: number): Promise<StoredFrontier> {
  const stored = await readStoredResponse(db, slug, READS.frontier, null, versionId);
  if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
  const json = stored.body as string;
  const key = `${slug}|${stored.etag}`;
  let data = parsedFrontiers.get(key);
  if (!data) {
    data = JSON.parse(json) as FrontierData;
    parsedFrontiers.set(key, data);
  }
  return { data, json, tag: stored.etag.slice(1, -1) };
}

/**
 * Frontiers parsed, by slug and ETag (a version's frontier never changes): a burst of previews or
 * exports of one experiment parses its frontier once, not once per request on the event loop.
 * Callers only read the data.
 */
const parsedFrontiers = new LRUCache<string, FrontierData>({ max: 32 });

/**
 * A response derived from the stored frontier: its ETag is the frontier's plus what the request
 * chose, so it changes with the data and the intervals' status; 304 when the client's copy is current.
 */
export async function derivedResponse(
  request: Request,
  etag: string,
  body: () => BodyInit | Promise<BodyInit>,
  headers: Record<string, string>,
): Promise<Response> {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag))
    return new Response(null, { status: 304, headers: versionedHeaders(etag) });
  return new Response(await body(), { status: 200, headers: { ...headers, ...versionedHeaders(etag) } });
}

/** The ETag of a response derived from a stored frontier, for one choice of parameters. */
export function derivedEtag(frontier: StoredFrontier, what: string): string {
  return `"${frontier.tag}.${what}"`;
}

/** A file name part made of a slug and parameters: letters, digits, dots and dashes only. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, "_");
}
