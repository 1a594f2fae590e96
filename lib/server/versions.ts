import type { AuditActor } from "../contracts/audit";
import type { ExperimentVersionItem, ExperimentVersionList, VersionRestored } from "../contracts/versions";
import type { Db } from "../db/client";
import { experimentTarget, recordAuditEvent } from "../db/queries/audit";
import { experimentRef } from "../db/queries/experiments";
import {
  experimentVersionById,
  listExperimentVersions,
  liveCheckpoints,
  makeCheckpointSetLive,
  recordExperimentVersion,
  type StoredVersion,
} from "../db/queries/experimentVersions";
import { lockExperimentWrites, touchExperiment } from "../db/queries/importTargets";
import { checkpointChanges, describeChanged } from "../domain/checkpointChanges";
import { recordStatistics } from "../import/recordStatistics";
import { WRITE_TRANSACTION } from "../import/write";
import { ApiError, NotFoundError } from "./errors";

function toWire(version: StoredVersion, current: boolean): ExperimentVersionItem {
  return {
    id: version.id,
    createdAt: version.createdAt.toISOString(),
    actor: version.actor,
    changes: version.changes,
    current,
  };
}

async function liveExperiment(db: Db, slug: string): Promise<{ id: number; version: string }> {
  const experiment = await experimentRef(db, slug);
  if (!experiment) throw new NotFoundError(`No experiment "${slug}".`);
  return experiment;
}

function noVersion(slug: string, id: number): NotFoundError {
  return new NotFoundError(`Experiment "${slug}" has no version ${id} (purged, or never made).`);
}

/** GET /api/experiments/<slug>/versions and `alphascope versions <slug>`: newest first. */
export async function listVersions(db: Db, slug: string): Promise<ExperimentVersionList> {
  const experiment = await liveExperiment(db, slug);
  const versions = await listExperimentVersions(db, experiment.id);
  return { experiment: slug, versions: versions.map((version, index) => toWire(version, index === 0)) };
}

/**
 * A version of a live experiment for a read with `?version=`: the stored version and whether it is
 * the current one. A NotFoundError for an unknown experiment or version.
 */
export async function versionToRead(
  db: Db,
  slug: string,
  id: number,
): Promise<{ experimentId: number; version: StoredVersion; current: boolean }> {
  const experiment = await liveExperiment(db, slug);
  const found = await experimentVersionById(db, experiment.id, id);
  if (!found) throw noVersion(slug, id);
  return { experimentId: experiment.id, ...found };
}

/**
 * POST /api/experiments/<slug>/versions/<id>/restore and `alphascope versions restore`: makes that
 * version's checkpoints the live ones again, as a NEW version (nothing is lost: the checkpoints
 * it leaves out are retired, not deleted), with its statistics and the audit event in the same
 * transaction. 404 for an unknown experiment or version, 409 for the current version or one whose
 * checkpoints were purged.
 */
export function restoreVersion(
  db: Db,
  slug: string,
  id: number,
  actor: AuditActor,
): Promise<VersionRestored> {
  return db.$transaction(async (tx) => {
    await lockExperimentWrites(tx, slug);
    const experiment = await tx.experiment.findFirst({
      where: { slug, deletedAt: null },
      select: { id: true },
    });
    if (!experiment) throw new NotFoundError(`No experiment "${slug}".`);
    const found = await experimentVersionById(tx, experiment.id, id);
    if (!found) throw noVersion(slug, id);
    if (found.current)
      throw new ApiError(409, "conflict", `Version ${id} of "${slug}" is already the current one.`);
    const before = await liveCheckpoints(tx, experiment.id);
    if (!(await makeCheckpointSetLive(tx, experiment.id, found.version.checkpointIds)))
      throw new ApiError(409, "conflict", `Version ${id} of "${slug}" held checkpoints that were purged.`);
    const changes = checkpointChanges(before, await liveCheckpoints(tx, experiment.id));
    const version = await touchExperiment(tx, experiment.id);
    await recordStatistics(tx, { id: experiment.id, slug, version });
    const made = await recordExperimentVersion(tx, { id: experiment.id, slug, version }, actor, changes);
    const changed = (kind: "added" | "replaced" | "removed") => describeChanged(changes, kind) || "none";
    await recordAuditEvent(tx, {
      actor,
      action: "experiment.version.restore",
      target: experimentTarget(slug),
      summary:
        `Restored version ${id} of "${slug}" as version ${made}: added ${changed("added")}; ` +
        `replaced ${changed("replaced")}; removed ${changed("removed")}.`,
    });
    const current = (await experimentVersionById(tx, experiment.id, made)) as { version: StoredVersion };
    return { experiment: slug, restored: id, version: toWire(current.version, true) };
  }, WRITE_TRANSACTION);
}
