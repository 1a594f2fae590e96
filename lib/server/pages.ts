import { headers } from "next/headers";
import { cache } from "react";
import type { ExperimentHeader } from "../contracts/types";
import { getExperimentHeader } from "../db/queries/sweep";
import { SIGN_IN_PATH } from "./auth/paths";
import { type Reader, requestReader, requireReadable, requireSnapshotReadable } from "./auth/visibility";
import { serverDb } from "./db";
import { DatabaseUnavailableError, NotFoundError } from "./errors";
import { toApiError } from "./http";
import { PAGE_PATH_HEADER } from "./pageSearch";

/**
 * What a page's read ended in: its data, no such thing (the page answers 404), a caller who must
 * sign in first (the page redirects to the sign-in page), or the database down.
 */
export type PageRead<T> =
  | { kind: "data"; data: T }
  | { kind: "not-found" }
  | { kind: "sign-in" }
  | { kind: "unavailable" };

/**
 * Runs a page's read and sorts its failures the way every page answers them: a NotFoundError is the
 * not-found page, a 401 (an anonymous visitor on what is not public) the sign-in page, an
 * unreachable database the database-unavailable page; anything else is a bug and is thrown on to
 * the error boundary.
 */
export async function readForPage<T>(read: () => Promise<T>): Promise<PageRead<T>> {
  try {
    return { kind: "data", data: await read() };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError instanceof DatabaseUnavailableError) return { kind: "unavailable" };
    if (apiError instanceof NotFoundError) return { kind: "not-found" };
    if (apiError.status === 401) return { kind: "sign-in" };
    throw error;
  }
}

/**
 * The sign-in page's address, coming back to `path` (the page asked for) after signing in: only a
 * path of this site (never "//host" or "/\\host", which a browser reads as another site), else "/".
 */
export function signInPath(path: string | null): string {
  const next = path && /^\/(?![/\\])/.test(path) ? path : "/";
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next })}`;
}

/** Where the visitor of the page being rendered signs in; back to this page afterwards. */
export async function pageSignInPath(): Promise<string> {
  return signInPath((await headers()).get(PAGE_PATH_HEADER));
}

/** The page's request as identify() reads it: its headers (the token or session cookie). */
async function pageRequest(): Promise<Request> {
  return new Request("http://page.invalid/", { headers: new Headers(await headers()) });
}

/**
 * Who is reading the page and which experiments they may read, found once per request (React's
 * request cache); without sign-in at once and with no query.
 */
export const pageReader = cache(async (): Promise<Reader> => requestReader(await pageRequest(), serverDb()));

/**
 * Throws unless the page's visitor may read the experiment: 401 (the sign-in page) when anonymous,
 * else the 404 of a missing one; call it in a page's read before anything is read.
 */
export async function requirePageReaderOf(slug: string): Promise<void> {
  await requireReadable(serverDb(), await pageReader(), slug);
}

/** A page's read of the experiment `slug`, run only when the visitor may read it. */
export function readableBy<T>(slug: string, read: () => Promise<T>): () => Promise<T> {
  return async () => {
    await requirePageReaderOf(slug);
    return read();
  };
}

/** {@link requirePageReaderOf} for a pinned snapshot: public ones open for anyone. */
export async function requirePageSnapshotReader(id: string): Promise<void> {
  await requireSnapshotReadable(serverDb(), await pageReader(), id);
}

/** Whether the page's visitor may read the experiment (for link previews, which must not leak it). */
export async function pageMayRead(slug: string): Promise<boolean> {
  return (await readForPage(() => requirePageReaderOf(slug))).kind === "data";
}

/**
 * The experiment's header, read once per request however many layouts and pages of it ask (React's
 * request cache). From the primary: the layout answers 404 from it, and an experiment imported a
 * moment ago must not 404 on a lagging replica.
 */
export const pageExperimentHeader = cache(
  (slug: string): Promise<ExperimentHeader | null> => getExperimentHeader(serverDb(), slug),
);
