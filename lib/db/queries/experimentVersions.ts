import type { AuditActor } from "../../contracts/audit";
import type { ExperimentHeader } from "../../contracts/types";
import type { CheckpointChanges, KeyedCheckpoint } from "../../domain/checkpointChanges";
import { compareCheckpointKeys } from "../../domain/checkpointKey";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { experimentTarget, recordAuditEvent } from "./audit";
import { getExperimentHeader } from "./sweep";

type Tx = Prisma.TransactionClient;

/** One stored version of an experiment. */
export interface StoredVersion {
  id: number;
  experimentId: number;
  createdAt: Date;
  actor: string;
  /** `experiments.version` while this version was current: its ETags and bootstrap seed. */
  contentVersion: string;
  /** The experiment's header as this version served it. */
  header: ExperimentHeader;
  /** The checkpoints live in it, α and trained ones. */
  checkpointIds: number[];
  changes: CheckpointChanges;
}

/** The experiment's live checkpoints (those every current read shows), α ones by α, then trained ones by label. */
export async function liveCheckpoints(tx: Tx, experimentId: number): Promise<KeyedCheckpoint[]> {
  const rows = await tx.checkpoint.findMany({
    where: { experimentId, retiredAt: null },
    select: { id: true, alpha: true, trainedLabel: true },
  });
  return rows
    .map((row) => ({ id: row.id, key: row.alpha ?? row.trainedLabel ?? "" }))
    .sort((a, b) => compareCheckpointKeys(a.key, b.key));
}

/**
 * Records the experiment's current state as its newest version, inside the write's transaction and
 * after it gave the experiment its new content id: the live checkpoints, the header as served now,
 * and what changed. Returns the version's id.
 */
export async function recordExperimentVersion(
  tx: Tx,
  experiment: { id: number; slug: string; version: string },
  actor: AuditActor,
  changes: CheckpointChanges,
): Promise<number> {
  const header = (await getExperimentHeader(tx, experiment.slug)) as ExperimentHeader;
  const live = await liveCheckpoints(tx, experiment.id);
  const { id } = await tx.experimentVersion.create({
    data: {
      experimentId: experiment.id,
      createdAt: new Date(header.updatedAt),
      actor,
      contentVersion: experiment.version,
      header: JSON.stringify(header),
      checkpointIds: live.map((checkpoint) => checkpoint.id),
      changes: { ...changes },
    },
    select: { id: true },
  });
  return id;
}

type VersionRow = Awaited<ReturnType<Db["experimentVersion"]["findFirstOrThrow"]>>;

function storedVersion(row: VersionRow): StoredVersion {
  return {
    id: row.id,
    experimentId: row.experimentId,
    createdAt: row.createdAt,
    actor: row.actor,
    contentVersion: row.contentVersion,
    header: JSON.parse(row.header) as ExperimentHeader,
    checkpointIds: row.checkpointIds as number[],
    changes: row.changes as unknown as CheckpointChanges,
  };
}

/** The experiment's versions, newest first. */
export async function listExperimentVersions(db: Tx, experimentId: number): Promise<StoredVersion[]> {
  const rows = await db.experimentVersion.findMany({ where: { experimentId }, orderBy: { id: "desc" } });
  return rows.map(storedVersion);
}

/** One version of the experiment and whether it is the newest (current) one; null when it has none by that id. */
export async function experimentVersionById(
  db: Tx,
  experimentId: number,
  id: number,
): Promise<{ version: StoredVersion; current: boolean } | null> {
  const [row, newest] = await Promise.all([
    db.experimentVersion.findFirst({ where: { experimentId, id } }),
    db.experimentVersion.findFirst({
      where: { experimentId },
      orderBy: { id: "desc" },
      select: { id: true },
    }),
  ]);
  return row === null ? null : { version: storedVersion(row), current: newest?.id === row.id };
}

/** Retires live checkpoints: current reads stop showing them; the versions that hold them still do. */
export async function retireCheckpoints(tx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "checkpoints" SET "retired_at" = now() WHERE "id" = ANY(${[...ids]}::int[])`;
}

/**
 * Makes the checkpoints of `target` the live set of the experiment: retires the live ones it does
 * not hold, then brings its retired ones back (in that order: a live α is unique). Returns false,
 * changing nothing, when a checkpoint of `target` was purged meanwhile.
 */
export async function makeCheckpointSetLive(
  tx: Tx,
  experimentId: number,
  target: readonly number[],
): Promise<boolean> {
  const found = await tx.checkpoint.count({ where: { experimentId, id: { in: [...target] } } });
  if (found !== target.length) return false;
  const wanted = new Set(target);
  const live = await liveCheckpoints(tx, experimentId);
  await retireCheckpoints(
    tx,
    live.filter((checkpoint) => !wanted.has(checkpoint.id)).map((checkpoint) => checkpoint.id),
  );
  await tx.checkpoint.updateMany({
    where: { experimentId, id: { in: [...target] }, retiredAt: { not: null } },
    data: { retiredAt: null },
  });
  return true;
}

/**
 * Deletes for good every checkpoint retired at or before `cutoff` (with its result rows) and every
 * version that held one (it can no longer be read), recording each experiment's purge in the same
 * transaction. Returns the slugs of the experiments concerned.
 */
export function purgeRetiredCheckpoints(db: Db, cutoff: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const purged = await tx.$queryRaw<{ id: number; experiment_id: number }[]>`
      DELETE FROM "checkpoints" WHERE "retired_at" <= ${cutoff} RETURNING "id", "experiment_id"`;
    if (purged.length === 0) return [];
    const ids = purged.map((row) => row.id);
    const versions = await tx.$queryRaw<{ experiment_id: number; versions: number }[]>`
      WITH gone AS (
        DELETE FROM "experiment_versions" v
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(v."checkpoint_ids") x WHERE x::int = ANY(${ids}::int[]))
        RETURNING v."experiment_id")
      SELECT "experiment_id", count(*)::int AS "versions" FROM gone GROUP BY "experiment_id"`;
    const experimentIds = [...new Set(purged.map((row) => row.experiment_id))];
    const experiments = await tx.experiment.findMany({
      where: { id: { in: experimentIds } },
      select: { id: true, slug: true },
      orderBy: { slug: "asc" },
    });
    for (const { id, slug } of experiments) {
      const checkpoints = purged.filter((row) => row.experiment_id === id).length;
      const gone = versions.find((row) => row.experiment_id === id)?.versions ?? 0;
      await recordAuditEvent(tx, {
        actor: "system",
        action: "experiment.version.purge",
        target: experimentTarget(slug),
        summary: `Purged ${checkpoints} replaced checkpoint(s) of "${slug}" retired by ${cutoff.toISOString()}, and the ${gone} old version(s) that held them.`,
      });
    }
    return experiments.map((experiment) => experiment.slug);
  });
}
