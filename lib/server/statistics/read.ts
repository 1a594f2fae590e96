import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client";
import { type StatisticHead, statisticHead, statisticPayload } from "../../db/queries/statistics";
import type { DifficultySlice } from "../../domain/difficulty";
import {
  CLAIMS_KIND,
  DETAIL_KIND,
  FRONTIER_KIND,
  FRONTIER_POINTS_KIND,
  MATRIX_KIND,
  PROBLEMS_KIND,
  passAtKKind,
  type StatisticKind,
  SWEEP_COLUMNS_KIND,
} from "../../responses/statisticKinds";
import { positiveIntegerSetting } from "../envSetting";
import { ApiError } from "../errors";
import { versionToRead } from "../versions";
import { currentDataChange } from "./dataChanges";
import { oldVersionPayload } from "./versionRead";

/** A stored response of an experiment's current version, ready to send. */
export interface StoredResponse {
  version: string;
  kind: StatisticKind;
  /** The HTTP status the body is served with (400 for a slice without problems). */
  httpStatus: number;
  /**
   * JSON text, with `status` added for reads that can be served before their intervals exist; null
   * when the request's If-None-Match already names this ETag (the answer is then a 304).
   */
  body: string | null;
  /**
   * The cached body this one was read from, text and UTF-8 bytes: when `body` is still that text the
   * bytes are sent as they are (encoding a 0.7 MB comparison for every request took 5 % of the event
   * loop in `npm run bench:serve`'s burst). A response derived with another body (`{...stored,
   * body}`) keeps the field, but its text no longer matches, so its own body is sent.
   */
  encoded?: CachedBody;
  /** Derived from the version and the kind: it changes when the data or the stored kind does. */
  etag: string;
}

/** A served body kept by a cache: its text (for what parses it) and its UTF-8 bytes (to send). */
export interface CachedBody {
  text: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

export function cachedBody(text: string): CachedBody {
  return { text, bytes: utf8.encode(text) };
}

/** What a cached body holds in memory: its text as UTF-16 (an upper bound) and its bytes. */
export function cachedBodySize(body: CachedBody): number {
  return Math.max(1, body.text.length * 2 + body.bytes.byteLength);
}

/** What one read is served from. */
export interface StoredRead {
  /** The kinds that can answer it: the complete one first, then what stands in for it meanwhile. */
  kinds: readonly StatisticKind[];
  /** Whether the body says `"status"`: "ready" when the first kind answers, "computing" otherwise. */
  status: boolean;
}

export const READS: {
  detail: StoredRead;
  frontier: StoredRead;
  matrix: StoredRead;
  claims: StoredRead;
  sweepColumns: StoredRead;
  problems: StoredRead;
  problemIds: StoredRead;
  passAtK(slice: DifficultySlice, bands: boolean): StoredRead;
} = {
  detail: { kinds: [DETAIL_KIND], status: false },
  frontier: { kinds: [FRONTIER_KIND, FRONTIER_POINTS_KIND], status: true },
  matrix: { kinds: [MATRIX_KIND], status: false },
  claims: { kinds: [CLAIMS_KIND], status: false },
  sweepColumns: { kinds: [SWEEP_COLUMNS_KIND], status: false },
  problems: { kinds: [PROBLEMS_KIND], status: false },
  problemIds: { kinds: ["problem-ids"], status: false },
  passAtK: (slice, bands) => ({
    kinds: bands ? [passAtKKind(slice, true), passAtKKind(slice, false)] : [passAtKKind(slice, false)],
    status: true,
  }),
};

/** When to ask again for statistics that are not stored yet. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The statistics of the experiment's current version are not stored at all yet (data from before
 * statistics existed, waiting for a worker). Rare: an import stores the point values itself.
 */
export class StatisticsPendingError extends ApiError {
  constructor(slug: string) {
    super(
      503,
      "statistics_pending",
      `The statistics of "${slug}" are being computed by a worker (is one running? npm start runs one, npm run worker runs more); try again in a moment.`,
      undefined,
      { "retry-after": String(RETRY_AFTER_SECONDS) },
    );
    this.name = "StatisticsPendingError";
  }
}

const CACHE_BYTES = positiveIntegerSetting("ALPHASCOPE_RESPONSE_CACHE_MB", 64) * 2 ** 20;

/** What an experiment's read was found to be, and as of which data_changes id. */
interface RememberedHead {
  changeId: string | null;
  head: StatisticHead | null;
}

/** What this web server remembers about reads; on globalThis, as Next may bundle this module twice. */
interface ReadMemory {
  /**
   * Bodies as served, keyed by experiment, version, kind and status: a version's body never
   * changes, so an entry needs no invalidation, and a new version is simply a new key. Bounded in
   * bytes (UTF-16 string length × 2), so the memory stays flat however many experiments are read.
   */
  bodies: LRUCache<string, CachedBody>;
  /** Each read's current version and stored kind, valid while data_changes still has `changeId`. */
  heads: LRUCache<string, RememberedHead>;
}

const globalForReads = globalThis as typeof globalThis & { alphascopeReads?: ReadMemory };
globalForReads.alphascopeReads ??= {
  bodies: new LRUCache<string, CachedBody>({
    maxSize: CACHE_BYTES,
    maxEntrySize: CACHE_BYTES / 4,
    sizeCalculation: cachedBodySize,
  }),
  heads: new LRUCache<string, RememberedHead>({ max: 10_000 }),
};
const memory = globalForReads.alphascopeReads;

/** `{"status":"ready",…}` from `{…}`: the stored body with the read's status in front. */
function withStatus(payload: string, status: "ready" | "computing"): string {
  return `{"status":"${status}",${payload.slice(1)}`;
}

/**
 * The read's head as of now: the remembered one while no commit changed experiments or their
 * statistics since it was looked up (one shared check of data_changes), else looked up again. The
 * change id is read before the head, so a head is never remembered under an id newer than itself.
 */
async function currentHead(
  db: Db,
  slug: string,
  kinds: readonly StatisticKind[],
): Promise<StatisticHead | null> {
  const changeId = await currentDataChange(db);
  const key = `${slug}\n${kinds.join(",")}`;
  const remembered = memory.heads.get(key);
  if (remembered && remembered.changeId === changeId && changeId !== null) return remembered.head;
  const head = await statisticHead(db, slug, kinds);
  memory.heads.set(key, { changeId, head });
  return head;
}

/**
 * The response of an old version (`?version=<id>`) to a read: its complete kind, computed on demand
 * (see oldVersionPayload), under the ETag it was served with. The current version's id reads as
 * usual. A NotFoundError for an unknown experiment or version.
 */
async function readVersionResponse(
  db: Db,
  slug: string,
  read: StoredRead,
  ifNoneMatch: string | null,
  versionId: number,
): Promise<StoredResponse | null> {
  const { experimentId, version, current } = await versionToRead(db, slug, versionId);
  if (current) return readStoredResponse(db, slug, read, ifNoneMatch);
  const [kind] = read.kinds;
  const etag = `"${version.contentVersion}.${kind}"`;
  const found = { version: version.contentVersion, kind, etag };
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag))
    return { ...found, httpStatus: 200, body: null };
  const { status, payload } = await oldVersionPayload(db, { experimentId, slug, versionId, kind });
  const body = read.status && status === 200 ? withStatus(payload, "ready") : payload;
  return { ...found, httpStatus: status, body };
}

/**
 * The stored response of an experiment's current version to a read: the first of its kinds that is
 * stored. Null when no experiment has that slug; a StatisticsPendingError when none of the kinds is
 * stored yet. Once this server has served it, a read costs no query of its own: it shares the
 * check of data_changes with every concurrent read and sends the body it keeps. With `versionId`,
 * that version of the experiment, read-only (see readVersionResponse).
 */
export async function readStoredResponse(
  db: Db,
  slug: string,
  read: StoredRead,
  ifNoneMatch: string | null = null,
  versionId?: number,
): Promise<StoredResponse | null> {
  if (versionId !== undefined) return readVersionResponse(db, slug, read, ifNoneMatch, versionId);
  const { kinds } = read;
  const head = await currentHead(db, slug, kinds);
  if (!head) return null;
  if (head.kind === null || head.status === null) throw new StatisticsPendingError(slug);
  const kind = head.kind as StatisticKind;
  const etag = `"${head.version}.${kind}"`;
  const found = { version: head.version, kind, httpStatus: head.status, etag };
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, etag)) return { ...found, body: null };
  const status = read.status && head.status === 200 ? (kind === kinds[0] ? "ready" : "computing") : null;
  const key = `${head.experimentId}:${head.version}:${kind}:${status}`;
  let body = memory.bodies.get(key);
  if (body === undefined) {
    const payload = await statisticPayload(db, head.experimentId, head.version, kind);
    // A newer import committed after the head was read and dropped this version: read it again
    // (data_changes has moved on, so the head is looked up anew).
    if (payload === null) return readStoredResponse(db, slug, read, ifNoneMatch);
    body = cachedBody(status === null ? payload : withStatus(payload, status));
    memory.bodies.set(key, body);
  }
  return { ...found, body: body.text, encoded: body };
}

/** Whether an If-None-Match header names `etag` (a list, weak validators and `*` included). */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** Response headers of a versioned read: revalidate every time, cheaply, with the ETag. */
export function versionedHeaders(etag: string): Record<string, string> {
  return { etag, "cache-control": "no-cache" };
}

/**
 * The cached bytes as a body that hands them on as they are: a `Response` made from a Uint8Array
 * copies it first (undici), 0.7 MB and garbage for every comparison of a burst (docs/performance.md,
 * "Bursts"). A default stream, not a byte stream, whose enqueue would transfer the cached buffer away.
 */
function bytesStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * What a stored read is sent as: status, headers and body (the cached bytes when the body is still
 * their text; none for a 304, when the client's copy is current).
 */
export function storedAnswer(stored: StoredResponse): {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | null;
} {
  if (stored.body === null) return { status: 304, headers: versionedHeaders(stored.etag), body: null };
  return {
    status: stored.httpStatus,
    headers: { "content-type": "application/json", ...versionedHeaders(stored.etag) },
    body: stored.encoded?.text === stored.body ? stored.encoded.bytes : stored.body,
  };
}

/** The HTTP response of a stored read (304 when the client's copy is current). */
export function storedResponse(stored: StoredResponse): Response {
  const { status, headers, body } = storedAnswer(stored);
  return new Response(typeof body === "string" || body === null ? body : bytesStream(body), {
    status,
    headers,
  });
}

/**
 * A stored read parsed, for server-rendered pages and the CLI; null when there is no such
 * experiment. A stored error body (a slice without problems) is thrown as the API error it is.
 */
export async function readStoredJson<T>(
  db: Db,
  slug: string,
  read: StoredRead,
  versionId?: number,
): Promise<T | null> {
  const stored = await readStoredResponse(db, slug, read, null, versionId);
  if (!stored) return null;
  const body = JSON.parse(stored.body as string);
  if (stored.httpStatus !== 200) throw new ApiError(stored.httpStatus, body.error.code, body.error.message);
  return body as T;
}
