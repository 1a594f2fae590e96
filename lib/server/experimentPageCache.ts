import { createHash } from "node:crypto";
import type { ExperimentListQuery } from "../contracts/experimentListQuery";
import type { Db } from "../db/client";
import type { ReadScope } from "../db/queries/experimentShares";
import { getExperimentPage } from "./experiments";
import { currentDataChange } from "./statistics/dataChanges";
import {
  type CachedBody,
  cachedBody,
  cachedBodySize,
  matchesEtag,
  type StoredResponse,
} from "./statistics/read";

/**
 * What the cache may hold in all (UTF-16 text plus bytes): the bench:list mix (815 pages of 50 rows,
 * 20–40 KB each) fits; a page of the whole list without `limit` may take up to 2 MB of it.
 */
const CACHE_BYTES = 96 * 1024 * 1024;
/** A larger answer (the whole list filtered, without `limit`) is sent without being kept. */
const ENTRY_BYTES = 2 * 1024 * 1024;

interface CachedPage {
  body: CachedBody;
  etag: string;
  size: number;
}

/** Encoded answers of one data_changes id, in least-recently-used order; in-flight reads shared. */
interface PageCache {
  db: Db;
  changeId: string | null;
  pages: Map<string, CachedPage>;
  reading: Map<string, Promise<CachedPage>>;
  bytes: number;
}

const globalForPages = globalThis as typeof globalThis & { alphascopeListPages?: PageCache };

/**
 * Whose list it is: the scope the query filters by (sign-in off or an admin: every experiment;
 * anonymous: the public ones; a user: theirs, the shared and the non-private ones). Two callers
 * share an answer only when their scopes are equal, so no page ever holds an experiment its
 * reader may not see.
 */
function scopeKey(scope: ReadScope): string {
  return scope.kind === "user" ? `user:${scope.userId}` : scope.kind;
}

/** The query's parameters in a fixed order (the URL's order and absent keys do not matter). */
function queryKey(query: ExperimentListQuery): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

function currentCache(db: Db, changeId: string | null): PageCache {
  const cache = globalForPages.alphascopeListPages;
  if (cache?.db === db && cache.changeId === changeId) return cache;
  // Anything committed since (an import, a delete, a visibility or share change, a stored
  // statistic) replaced the data_changes id: every page is read again.
  const fresh: PageCache = { db, changeId, pages: new Map(), reading: new Map(), bytes: 0 };
  globalForPages.alphascopeListPages = fresh;
  return fresh;
}

function remember(cache: PageCache, key: string, page: CachedPage): void {
  if (cache.changeId === null || page.size > ENTRY_BYTES) return;
  cache.pages.set(key, page);
  cache.bytes += page.size;
  for (const [oldest, evicted] of cache.pages) {
    if (cache.bytes <= CACHE_BYTES) break;
    cache.pages.delete(oldest);
    cache.bytes -= evicted.size;
  }
}

/**
 * GET /api/experiments with a query, encoded once per (data version, reader's scope, query): a
 * repeated page is bytes from memory, not three queries and a JSON round. The data version is the
 * data_changes id read by a query sent after the request arrived (see currentDataChange), which
 * every commit to experiments, their stored statistics, shares or studies replaces, so an answer
 * never shows what a commit the caller could have seen changed. The ETag is the body's hash (a
 * 304 when the client's copy is the same, even across versions).
 */
export async function cachedExperimentPage(
  db: Db,
  query: ExperimentListQuery,
  scope: ReadScope,
  ifNoneMatch: string | null = null,
): Promise<StoredResponse> {
  const changeId = await currentDataChange(db);
  const cache = currentCache(db, changeId);
  const key = `${scopeKey(scope)}\n${queryKey(query)}`;
  let page = cache.pages.get(key);
  if (page) {
    // Most recently used last: eviction takes the oldest first.
    cache.pages.delete(key);
    cache.pages.set(key, page);
  } else {
    let reading = cache.reading.get(key);
    if (!reading) {
      reading = getExperimentPage(db, query, scope)
        .then((read) => {
          const body = cachedBody(JSON.stringify(query.limit === undefined ? read.items : read));
          const etag = `"${createHash("sha1").update(body.bytes).digest("base64url")}"`;
          const encoded = { body, etag, size: cachedBodySize(body) };
          remember(cache, key, encoded);
          return encoded;
        })
        .finally(() => cache.reading.delete(key));
      cache.reading.set(key, reading);
    }
    page = await reading;
  }
  const found = { version: changeId ?? "", kind: "list-item" as const, httpStatus: 200, etag: page.etag };
  if (ifNoneMatch !== null && matchesEtag(ifNoneMatch, page.etag)) return { ...found, body: null };
  return { ...found, body: page.body.text, encoded: page.body };
}
