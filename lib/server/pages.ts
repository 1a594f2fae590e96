import { cache } from "react";
import type { ExperimentHeader } from "../contracts/types";
import { getExperimentHeader } from "../db/queries/sweep";
import { serverDb } from "./db";
import { DatabaseUnavailableError, NotFoundError } from "./errors";
import { toApiError } from "./http";

/** What a page's read ended in: its data, no such thing (the page answers 404), or the database down. */
export type PageRead<T> = { kind: "data"; data: T } | { kind: "not-found" } | { kind: "unavailable" };

/**
 * Runs a page's read and sorts its failures the way every page answers them: a NotFoundError is the
 * not-found page, an unreachable database the database-unavailable page; anything else is a bug and
 * is thrown on to the error boundary.
 */
export async function readForPage<T>(read: () => Promise<T>): Promise<PageRead<T>> {
  try {
    return { kind: "data", data: await read() };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError instanceof DatabaseUnavailableError) return { kind: "unavailable" };
    if (apiError instanceof NotFoundError) return { kind: "not-found" };
    throw error;
  }
}

/**
 * The experiment's header, read once per request however many layouts and pages of it ask (React's
 * request cache). From the primary: the layout answers 404 from it, and an experiment imported a
 * moment ago must not 404 on a lagging replica.
 */
export const pageExperimentHeader = cache(
  (slug: string): Promise<ExperimentHeader | null> => getExperimentHeader(serverDb(), slug),
);
