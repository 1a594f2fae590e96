import type { Prisma } from "../generated/prisma/client";

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
