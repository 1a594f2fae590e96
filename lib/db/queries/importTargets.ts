import type { CheckpointKey } from "../../domain/checkpointKey";
import type { ExperimentInput } from "../../domain/sweepInput";
import type { Prisma } from "../generated/prisma/client";
import { setExperimentStudy } from "./studies";

type Tx = Prisma.TransactionClient;

/** The experiment an import writes into. */
export interface ImportExperiment {
  id: number;
  slug: string;
  name: string;
  benchmark: string;
  created: boolean;
  /** True when the experiment with that slug is in the trash (the import must then be refused). */
  trashed: boolean;
}

/** The checkpoint of one α (or one trained checkpoint) an import writes into. */
export interface ImportCheckpoint {
  id: number;
  key: CheckpointKey;
  created: boolean;
}

/**
 * The experiment with `input.slug`, created from `input` (owned by `ownerId`) when it does not
 * exist. An existing experiment keeps its metadata and owner (the import only adds results to it);
 * one in the trash is returned with `trashed` set, for the caller to refuse.
 *
 * Imports into one experiment take turns: a transaction-scoped advisory lock on the slug makes a
 * concurrent import wait here until the first commits or rolls back, and then see what it stored
 * (so two imports creating the same experiment both succeed, and content-hash checks see each other).
 */
export async function findOrCreateExperiment(
  tx: Tx,
  input: ExperimentInput,
  ownerId: number | null = null,
): Promise<ImportExperiment> {
  await lockExperimentWrites(tx, input.slug);
  const select = { id: true, slug: true, name: true, benchmark: true } as const;
  const existing = await tx.experiment.findUnique({
    where: { slug: input.slug },
    select: { ...select, deletedAt: true },
  });
  if (existing) {
    const { deletedAt, ...found } = existing;
    return { ...found, created: false, trashed: deletedAt !== null };
  }
  const created = await tx.experiment.create({
    data: {
      slug: input.slug,
      name: input.name,
      description: input.description,
      benchmark: input.benchmark,
      setting: input.setting,
      modelFamily: input.modelFamily,
      modelScale: input.modelScale,
      synthetic: input.synthetic,
      endpointALabel: input.endpointA.label,
      endpointAModel: input.endpointA.model,
      endpointBLabel: input.endpointB.label,
      endpointBModel: input.endpointB.model,
      ownerId,
    },
    select,
  });
  if (input.study) await setExperimentStudy(tx, created.id, input.study);
  return { ...created, created: true, trashed: false };
}

/**
 * Makes writes to the experiment `slug` take turns until this transaction ends: imports and
 * metadata changes wait here for one another.
 */
export async function lockExperimentWrites(tx: Tx, slug: string): Promise<void> {
  await tx.$executeRawUnsafe(
    "SELECT pg_advisory_xact_lock(hashtext('alphascope:import'), hashtext($1))",
    slug,
  );
}

/**
 * The live checkpoint of `key` in the experiment — the α checkpoint of a number, the trained
 * checkpoint of a label — created (with label and model, or a trained one's model and coverage)
 * when missing. An existing checkpoint keeps what it was created with.
 */
export async function findOrCreateCheckpoint(
  tx: Tx,
  experimentId: number,
  key: CheckpointKey,
  details: { label: string | null; model: string | null; coverage: number | null },
): Promise<ImportCheckpoint> {
  const existing = await tx.checkpoint.findFirst({
    where:
      typeof key === "number"
        ? { experimentId, alpha: key, retiredAt: null }
        : { experimentId, trainedLabel: key, retiredAt: null },
    select: { id: true },
  });
  if (existing) return { id: existing.id, key, created: false };
  const data =
    typeof key === "number"
      ? { experimentId, alpha: key, label: details.label, model: details.model }
      : { experimentId, trainedLabel: key, coverage: details.coverage, model: details.model };
  const created = await tx.checkpoint.create({ data, select: { id: true } });
  return { id: created.id, key, created: true };
}

/**
 * Marks the experiment's content as changed: a new opaque `version` (what stored statistics, ETags
 * and statistics jobs are keyed by) and `updated_at` moved forward (strictly, even within the same
 * millisecond). Returns the new version.
 */
export async function touchExperiment(tx: Tx, experimentId: number): Promise<string> {
  const [row] = await tx.$queryRawUnsafe<{ version: string }[]>(
    `UPDATE "experiments" SET "version" = gen_random_uuid()::text,
       "updated_at" = GREATEST(clock_timestamp(), "updated_at" + interval '1 millisecond')
     WHERE "id" = $1 RETURNING "version"`,
    experimentId,
  );
  return row.version;
}
