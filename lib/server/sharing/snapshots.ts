import { randomBytes } from "node:crypto";
import type { AuditActor } from "../../contracts/audit";
import type { SnapshotCreated, SnapshotCreateRequest } from "../../contracts/sharing";
import type { Db } from "../../db/client";
import { experimentRef } from "../../db/queries/experiments";
import {
  deleteSnapshot,
  insertSnapshot,
  type NewSnapshot,
  type StoredSnapshot,
  snapshotById,
} from "../../db/queries/snapshots";
import { ApiError, NotFoundError } from "../errors";
import { type PinnedData, pinData } from "./pinData";
import { currentGridVersion, pinStudyData } from "./pinStudy";
import { requireSnapshotQuota } from "./snapshotLimits";

/** 6 random bytes are 8 base64url characters: 2⁴⁸ ids, not guessable, short enough to read out. */
function newSnapshotId(): string {
  return randomBytes(6).toString("base64url");
}

/** Draws this many ids before giving up (a collision is a 1-in-2⁴⁸ event per stored snapshot). */
const ID_ATTEMPTS = 5;

/** The pinned data of the request and what the snapshot row names: its experiment, or its study. */
async function pinRequest(
  db: Db,
  request: SnapshotCreateRequest,
): Promise<PinnedData & Pick<NewSnapshot, "experimentId" | "experimentSlug" | "studySlug">> {
  if (request.page === "study") {
    const pinned = await pinStudyData(db, request.study, request.view);
    if (!pinned) throw new NotFoundError(`Study "${request.study}" has no experiments.`);
    return { ...pinned, experimentId: null, experimentSlug: null, studySlug: request.study };
  }
  const slug = request.experiment;
  const experiment = await experimentRef(db, slug);
  const pinned = experiment ? await pinData(db, slug, request.page, request.view) : null;
  if (!experiment || !pinned) throw new NotFoundError(`No experiment "${slug}".`);
  return { ...pinned, experimentId: experiment.id, experimentSlug: slug, studySlug: null };
}

/**
 * POST /api/snapshots: pins the page's view and the stored bodies it is drawn from at the
 * experiment's current version (a study's: every experiment's). 404 for an unknown experiment or
 * study, 503 while a version's intervals are still being computed, 507 when the snapshots' total
 * quota would be passed.
 */
export async function createSnapshot(
  db: Db,
  request: SnapshotCreateRequest,
  actor: AuditActor,
): Promise<SnapshotCreated> {
  const pinned = await pinRequest(db, request);
  await requireSnapshotQuota(db, Buffer.byteLength(pinned.data));
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const id = newSnapshotId();
    const stored = await insertSnapshot(
      db,
      {
        id,
        experimentId: pinned.experimentId,
        experimentSlug: pinned.experimentSlug,
        studySlug: pinned.studySlug,
        page: request.page,
        view: request.view,
        version: pinned.version,
        title: request.title ?? null,
        data: pinned.data,
        public: request.public ?? false,
      },
      actor,
    );
    if (stored) return { id, url: `/s/${id}`, version: pinned.version };
  }
  throw new ApiError(500, "internal", "Could not draw an unused snapshot id.");
}

/** DELETE /api/snapshots/[id]: removes a snapshot (its short link then answers 404); 404 when none has that id. */
export async function removeSnapshot(db: Db, id: string, actor: AuditActor): Promise<void> {
  if (!(await deleteSnapshot(db, id, actor))) throw new NotFoundError(`No snapshot "${id}".`);
}

/**
 * The stored snapshot with that id, null when there is none. A study snapshot's current version is
 * its study's grid version now.
 */
export async function readSnapshot(db: Db, id: string): Promise<StoredSnapshot | null> {
  const snapshot = await snapshotById(db, id);
  if (snapshot?.page !== "study" || snapshot.studySlug === null) return snapshot;
  return { ...snapshot, currentVersion: await currentGridVersion(db, snapshot.studySlug) };
}

/** A stored snapshot; a 404 when no snapshot has that id. */
export async function findSnapshot(db: Db, id: string): Promise<StoredSnapshot> {
  const snapshot = await readSnapshot(db, id);
  if (!snapshot) throw new NotFoundError(`No snapshot "${id}".`);
  return snapshot;
}

/**
 * GET /api/snapshots/[id] as JSON text: the metadata, then `data` spliced in as stored, so the
 * pinned bodies reach the reader byte for byte.
 */
export function snapshotBody(snapshot: StoredSnapshot): string {
  const head = JSON.stringify({
    id: snapshot.id,
    ...(snapshot.page === "study" ? { study: snapshot.studySlug } : { experiment: snapshot.experimentSlug }),
    page: snapshot.page,
    view: snapshot.view,
    version: snapshot.version,
    createdAt: snapshot.createdAt.toISOString(),
    title: snapshot.title,
    public: snapshot.public,
    currentVersion: snapshot.currentVersion,
  });
  return `${head.slice(0, -1)},"data":${snapshot.data}}`;
}
