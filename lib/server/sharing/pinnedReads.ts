import { LRUCache } from "lru-cache";
import type { ClaimsQuery, ClaimsResponse, PinnedClaims } from "../../contracts/claimSchemas";
import type { ComparisonData } from "../../contracts/compareTypes";
import type { EnsembleEvaluation, EnsembleRequest, PassAtKCurves } from "../../contracts/scalingTypes";
import type {
  ExplorerSnapshotData,
  ScalingSnapshotData,
  Snapshot,
  SnapshotPage,
  StudySnapshotData,
} from "../../contracts/sharing";
import type { StudyDetail } from "../../contracts/studies";
import type { Db } from "../../db/client";
import type { StoredSnapshot } from "../../db/queries/snapshots";
import { pinnedClaimsAnswer } from "../../responses/claims";
import { computeOffThread, requireComputeCapacity } from "../compute/pool";
import { BadRequestError, NotFoundError } from "../errors";
import { type PassAtKCurvesRequest, pickCurves } from "../scalingCurves";
import { findSnapshot, readSnapshot, snapshotBody } from "./snapshots";

/*
 * The reads of a pinned view, answered from the snapshot's stored bodies instead of the
 * experiment's current version: the same shapes as the live routes, so the explorer and the
 * scaling page draw a snapshot with the same components and the same query code.
 */

/** The snapshot as GET /api/snapshots/[id] answers it, parsed. */
export function parseSnapshot(snapshot: StoredSnapshot): Snapshot {
  return JSON.parse(snapshotBody(snapshot)) as Snapshot;
}

function requirePage(snapshot: StoredSnapshot, page: SnapshotPage): void {
  if (snapshot.page !== page)
    throw new NotFoundError(
      `Snapshot "${snapshot.id}" pins the ${snapshot.page} page, not the ${page} page.`,
    );
}

/** GET /api/snapshots/[id]/frontier: the explorer's frontier body as pinned (JSON text). */
export function pinnedFrontierBody(snapshot: StoredSnapshot): string {
  requirePage(snapshot, "explorer");
  return JSON.stringify((JSON.parse(snapshot.data) as ExplorerSnapshotData).frontier);
}

/** A snapshot's pinned claims for one query, or a 404 that says what it pinned. */
function answerPinnedClaims(
  snapshot: StoredSnapshot,
  claims: PinnedClaims | undefined,
  query: ClaimsQuery,
): ClaimsResponse {
  if (!claims)
    throw new NotFoundError(`Snapshot "${snapshot.id}" was taken before snapshots pinned the claims.`);
  const answer = pinnedClaimsAnswer(claims, query);
  if (!answer)
    throw new NotFoundError(
      `Snapshot "${snapshot.id}" pinned its claims on the default axes${claims.onAxes ? ` and on ${claims.onAxes.axes.x} × ${claims.onAxes.axes.y} for the ${claims.onAxes.difficulty} slice` : ""} only.`,
    );
  return answer;
}

/** GET /api/snapshots/[id]/claims: the claims the explorer snapshot pinned, for one slice, margin and axes. */
export function pinnedClaims(snapshot: StoredSnapshot, query: ClaimsQuery): ClaimsResponse {
  requirePage(snapshot, "explorer");
  return answerPinnedClaims(snapshot, (JSON.parse(snapshot.data) as ExplorerSnapshotData).claims, query);
}

function studyData(snapshot: StoredSnapshot): StudySnapshotData {
  requirePage(snapshot, "study");
  return JSON.parse(snapshot.data) as StudySnapshotData;
}

/** GET /api/snapshots/[id]/study: the study's grid as pinned (GET /api/studies/<slug>'s shape). */
export function pinnedStudy(snapshot: StoredSnapshot): StudyDetail {
  return studyData(snapshot).study;
}

/** GET /api/snapshots/[id]/frontiers: the study's frontiers as pinned (GET /api/studies/<slug>/frontiers's shape). */
export function pinnedStudyFrontiers(snapshot: StoredSnapshot): ComparisonData {
  return studyData(snapshot).frontiers;
}

/** GET /api/snapshots/[id]/experiments/[slug]/claims: one of the study's experiments' pinned claims. */
export function pinnedStudyClaims(
  snapshot: StoredSnapshot,
  experiment: string,
  query: ClaimsQuery,
): ClaimsResponse {
  const { claims } = studyData(snapshot);
  if (!Object.hasOwn(claims, experiment))
    throw new NotFoundError(`Snapshot "${snapshot.id}" pins no experiment "${experiment}".`);
  return answerPinnedClaims(snapshot, claims[experiment], query);
}

function scalingData(snapshot: StoredSnapshot): ScalingSnapshotData {
  requirePage(snapshot, "scaling");
  return JSON.parse(snapshot.data) as ScalingSnapshotData;
}

/** GET /api/snapshots/[id]/matrix: the pinned matrix (JSON text). */
export function pinnedMatrixBody(snapshot: StoredSnapshot): string {
  return JSON.stringify(scalingData(snapshot).matrix);
}

/** GET /api/snapshots/[id]/pass-at-k: the pinned curves, and an ensemble's computed from the pinned matrix. */
export function pinnedCurves(
  snapshot: StoredSnapshot,
  request: PassAtKCurvesRequest,
): Promise<PassAtKCurves> {
  const data = scalingData(snapshot);
  const slice = data.passAtK[request.difficulty];
  if (!slice)
    throw new BadRequestError(`No problems of difficulty "${request.difficulty}" in this snapshot.`);
  return pickCurves(
    request.bands ? slice.bands : slice.plain,
    async () => JSON.stringify(data.matrix),
    request,
  );
}

/**
 * Pinned matrices (JSON text) by snapshot id: a snapshot never changes, so its data (megabytes) is
 * read and parsed once, not on every ensemble of a burst. Bounded by size; forgotten on delete.
 */
const pinnedMatrices = new LRUCache<string, string>({
  maxSize: 64 * 2 ** 20,
  sizeCalculation: (text) => Math.max(1, text.length),
});
const pendingMatrices = new Map<string, Promise<string>>();

/** The pinned matrix of a scaling snapshot, read and parsed at most once at a time per id. */
function cachedPinnedMatrix(db: Db, id: string): Promise<string> {
  const cached = pinnedMatrices.get(id);
  if (cached !== undefined) return Promise.resolve(cached);
  let pending = pendingMatrices.get(id);
  if (!pending) {
    pending = findSnapshot(db, id)
      .then((snapshot) => {
        const matrix = pinnedMatrixBody(snapshot);
        pinnedMatrices.set(id, matrix);
        return matrix;
      })
      .finally(() => pendingMatrices.delete(id));
    pendingMatrices.set(id, pending);
  }
  return pending;
}

/** Forgets a deleted snapshot's cached matrix. */
export function forgetPinnedMatrix(id: string): void {
  pinnedMatrices.delete(id);
}

/**
 * POST /api/snapshots/[id]/ensembles: the ensemble against the best single, on the pinned matrix.
 * A full compute pool refuses it (503) before the snapshot is read; the matrix comes from the cache.
 */
export async function pinnedEnsemble(
  db: Db,
  id: string,
  request: EnsembleRequest,
): Promise<EnsembleEvaluation> {
  requireComputeCapacity();
  return computeOffThread<EnsembleEvaluation>({
    type: "ensemble",
    matrix: await cachedPinnedMatrix(db, id),
    request,
  });
}

/** The snapshot with that id, parsed for the snapshot page; null when there is none. */
export async function readPinnedSnapshot(db: Db, id: string): Promise<Snapshot | null> {
  const stored = await readSnapshot(db, id);
  return stored && parseSnapshot(stored);
}
