import type { ExperimentListItem } from "../../contracts/types";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { storedSetting } from "./statistics";

interface ExperimentListRow {
  slug: string;
  version: string;
  name: string;
  benchmark: string;
  setting: string;
  synthetic: boolean;
  updated_at: Date;
  alpha_min: number | null;
  alpha_max: number | null;
  checkpoints: number;
  problems: number;
}

/**
 * Every experiment with its α range and sizes, most recently updated first, counted from the
 * results (a scan of every result row: the list route serves the rows each import stores instead,
 * and counts here only experiments that have none stored yet).
 */
export async function listExperiments(db: Db): Promise<ExperimentListItem[]> {
  const rows = await db.$queryRaw<ExperimentListRow[]>`
    SELECT e."slug", e."version", e."name", e."benchmark", e."setting", e."synthetic", e."updated_at",
      c."alpha_min", c."alpha_max", COALESCE(c."checkpoints", 0) AS "checkpoints",
      (SELECT count(DISTINCT r."problem_id")::int FROM "results" r
        JOIN "checkpoints" rc ON rc."id" = r."checkpoint_id" WHERE rc."experiment_id" = e."id") AS "problems"
    FROM "experiments" e
    LEFT JOIN (
      SELECT "experiment_id", min("alpha") AS "alpha_min", max("alpha") AS "alpha_max", count(*)::int AS "checkpoints"
      FROM "checkpoints" GROUP BY "experiment_id"
    ) c ON c."experiment_id" = e."id"
    ORDER BY e."updated_at" DESC, e."slug"`;
  return rows.map((row) => ({
    slug: row.slug,
    version: row.version,
    name: row.name,
    benchmark: row.benchmark,
    setting: storedSetting(row.setting),
    synthetic: row.synthetic,
    alphaMin: row.alpha_min,
    alphaMax: row.alpha_max,
    checkpoints: row.checkpoints,
    problems: row.problems,
    updatedAt: row.updated_at.toISOString(),
  }));
}

/** How many experiments the database holds (the launcher loads the demo when there are none). */
export function countExperiments(db: Db): Promise<number> {
  return db.experiment.count();
}

/**
 * Deletes an experiment with its checkpoints and results; problems and the import history stay.
 * Returns false when no experiment has that slug. Takes a client or a transaction.
 */
export async function deleteExperiment(db: Prisma.TransactionClient, slug: string): Promise<boolean> {
  const { count } = await db.experiment.deleteMany({ where: { slug } });
  return count > 0;
}

/** The experiment's id and current version by slug; null when no experiment has that slug. */
export function experimentRef(db: Db, slug: string): Promise<{ id: number; version: string } | null> {
  return db.experiment.findUnique({ where: { slug }, select: { id: true, version: true } });
}

/** The experiment's slug and current version; null when it no longer exists. */
export async function experimentVersion(
  tx: Prisma.TransactionClient,
  experimentId: number,
): Promise<{ slug: string; version: string } | null> {
  return tx.experiment.findUnique({ where: { id: experimentId }, select: { slug: true, version: true } });
}

/** The stored metadata columns a change may set (undefined: unchanged; null: cleared). */
export interface ExperimentMetadataColumns {
  name?: string;
  description?: string;
  benchmark?: string;
  setting?: string;
  modelFamily?: string | null;
  modelScale?: string | null;
  endpointALabel?: string;
  endpointAModel?: string | null;
  endpointBLabel?: string;
  endpointBModel?: string | null;
}

/** Sets the given metadata columns of an experiment. */
export async function updateExperimentMetadata(
  tx: Prisma.TransactionClient,
  experimentId: number,
  columns: ExperimentMetadataColumns,
): Promise<void> {
  await tx.experiment.update({ where: { id: experimentId }, data: columns });
}
