import type { Db } from "../../db/client";
import {
  type ExperimentAccess,
  experimentAccess,
  READ_ALL,
  type ReadScope,
} from "../../db/queries/experimentShares";
import { snapshotAccess } from "../../db/queries/snapshots";
import { studyBySlug } from "../../db/queries/studies";
import { ApiError, NotFoundError } from "../errors";
import { identify } from "./identify";
import { type AuthMode, authMode } from "./mode";
import type { Principal } from "./principal";

/**
 * Who may read an experiment: without sign-in (`local`) everyone; a public one anyone; a team one
 * every signed-in user; a private one its owner, the users it is shared with, and admins.
 */
export function mayRead(principal: Principal, experiment: ExperimentAccess): boolean {
  if (principal.kind === "local" || experiment.visibility === "public") return true;
  if (principal.kind === "anonymous") return false;
  if (experiment.visibility === "team" || principal.role === "admin") return true;
  return experiment.ownerId === principal.userId || experiment.sharedWith.includes(principal.userId);
}

/** The experiments a principal's lists and studies show (see {@link mayRead}). */
export function readScope(principal: Principal): ReadScope {
  if (principal.kind === "local") return READ_ALL;
  if (principal.kind === "anonymous") return { kind: "public" };
  return principal.role === "admin" ? READ_ALL : { kind: "user", userId: principal.userId };
}

/** 401 for an anonymous read of what is not public: the same whether it exists or not. */
export function signInRequired(): ApiError {
  return new ApiError(401, "unauthorized", "Sign in (or send a personal token) to read this.");
}

/** The 404 of a missing experiment, also answered for one the caller may not see. */
export function experimentNotFound(slug: string): NotFoundError {
  return new NotFoundError(`No experiment "${slug}".`);
}

/**
 * Throws unless `principal` may read `experiment` (null: none with that slug): 401 to an anonymous
 * caller for anything not public, else a 404 with the body of a missing experiment, so that a
 * private experiment's existence never shows.
 */
export function requireMayRead(
  principal: Principal,
  slug: string,
  experiment: ExperimentAccess | null,
): void {
  if (experiment !== null && mayRead(principal, experiment)) return;
  if (principal.kind === "anonymous") throw signInRequired();
  throw experimentNotFound(slug);
}

/** How a read is checked: the auth mode (ALPHASCOPE_AUTH by default), and the time tokens expire by. */
export interface ReadCheckOptions {
  mode?: AuthMode;
  now?: Date;
}

/**
 * The caller of `request` and the experiments they may read. Without sign-in it answers at once,
 * with no query: the zero-configuration server reads exactly as before.
 */
export async function requestReader(
  request: Request,
  db: Db,
  options: ReadCheckOptions = {},
): Promise<Reader> {
  const mode = options.mode ?? authMode();
  if (mode === "none") return { principal: { kind: "local" }, scope: READ_ALL };
  const principal = await identify(request, db, { mode, now: options.now });
  return { principal, scope: readScope(principal) };
}

/**
 * Throws unless the caller of `request` may read `experiment` (see {@link requireMayRead}); returns
 * the caller.
 */
export async function requireReader(
  request: Request,
  db: Db,
  slug: string,
  experiment: ExperimentAccess | null,
  options: ReadCheckOptions = {},
): Promise<Principal> {
  const { principal } = await requestReader(request, db, options);
  requireMayRead(principal, slug, experiment);
  return principal;
}

/** A caller and the experiments they may read. */
export interface Reader {
  principal: Principal;
  scope: ReadScope;
}

/** Throws unless `reader` may read the experiment `slug`; see {@link requireReaderOf}. */
export async function requireReadable(db: Db, { principal, scope }: Reader, slug: string): Promise<void> {
  if (scope.kind === "all") return;
  const experiment = await experimentAccess(db, slug, principal.kind === "user" ? principal.userId : null);
  if (experiment === null && principal.kind === "user") return;
  requireMayRead(principal, slug, experiment);
}

/**
 * The check every read route of one experiment runs before it reads (or serves a cached body): no
 * query without sign-in, none more for an admin; else one query for the experiment's visibility,
 * owner and share. A missing experiment passes for a signed-in caller, whose route answers its own
 * 404; an anonymous one gets the 401 it would get for a hidden one.
 */
export async function requireReaderOf(
  request: Request,
  db: Db,
  slug: string,
  options: ReadCheckOptions = {},
): Promise<Principal> {
  return requireReaderOfEach(request, db, [slug], options);
}

/** {@link requireReaderOf} for several experiments (a comparison): the caller must read every one. */
export async function requireReaderOfEach(
  request: Request,
  db: Db,
  slugs: readonly string[],
  options: ReadCheckOptions = {},
): Promise<Principal> {
  const reader = await requestReader(request, db, options);
  for (const slug of slugs) await requireReadable(db, reader, slug);
  return reader.principal;
}

/**
 * The check of every read of a pinned snapshot: a public one opens for anyone; any other follows its
 * experiment's visibility (see {@link requireReaderOf}). No query without sign-in; an unknown id
 * passes, and its route answers its own 404.
 */
export async function requireSnapshotReader(
  request: Request,
  db: Db,
  id: string,
  options: ReadCheckOptions = {},
): Promise<Principal> {
  const reader = await requestReader(request, db, options);
  await requireSnapshotReadable(db, reader, id);
  return reader.principal;
}

/**
 * The check before a study's grid is pinned: the caller must read every experiment of the study, so
 * a snapshot (which may later be made public) never holds an experiment its author could not see.
 */
export async function requireReaderOfStudy(
  request: Request,
  db: Db,
  study: string,
  options: ReadCheckOptions = {},
): Promise<Principal> {
  const reader = await requestReader(request, db, options);
  if (reader.scope.kind === "all") return reader.principal;
  const members = await studyBySlug(db, study, READ_ALL);
  for (const { slug } of members?.experiments ?? []) await requireReadable(db, reader, slug);
  return reader.principal;
}

/**
 * The check of an experiment's link-preview image: who may read the experiment, or anyone when it
 * is the preview of `snapshotId`, a public snapshot of this experiment.
 */
export async function requirePreviewReader(
  request: Request,
  db: Db,
  slug: string,
  snapshotId: string | undefined,
  options: ReadCheckOptions = {},
): Promise<Principal> {
  const reader = await requestReader(request, db, options);
  if (reader.scope.kind === "all") return reader.principal;
  const snapshot = snapshotId === undefined ? null : await snapshotAccess(db, snapshotId);
  if (!(snapshot?.public && snapshot.experimentSlugs.includes(slug))) await requireReadable(db, reader, slug);
  return reader.principal;
}

/** Throws unless `reader` may read the snapshot `id`; see {@link requireSnapshotReader}. */
export async function requireSnapshotReadable(db: Db, reader: Reader, id: string): Promise<void> {
  if (reader.scope.kind === "all") return;
  const snapshot = await snapshotAccess(db, id);
  if (snapshot === null || snapshot.public) return;
  // A study snapshot pins several experiments: its reader must be able to read every one.
  for (const slug of snapshot.experimentSlugs) await requireReadable(db, reader, slug);
}
