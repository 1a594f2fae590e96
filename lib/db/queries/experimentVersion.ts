import type { Prisma } from "../generated/prisma/client";

/** The experiment's slug and current version; null when it no longer exists. */
export async function experimentVersion(
  tx: Prisma.TransactionClient,
  experimentId: number,
): Promise<{ slug: string; version: string } | null> {
  return tx.experiment.findUnique({ where: { id: experimentId }, select: { slug: true, version: true } });
}
