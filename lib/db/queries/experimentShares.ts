import { type ShareRole, shareRoleSchema } from "../../contracts/shares";
import { type Visibility, visibilitySchema } from "../../contracts/users";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

/**
 * Which experiments a read may show: all of them (no sign-in, or an admin), the public ones (an
 * anonymous caller), or those a user may read (every non-private one, their own, those shared with them).
 */
export type ReadScope = { kind: "all" } | { kind: "public" } | { kind: "user"; userId: number };

export const READ_ALL: ReadScope = { kind: "all" };

/** The scope's condition on experiments, for Prisma queries (an empty object for `all`). */
export function readableWhere(scope: ReadScope): Prisma.ExperimentWhereInput {
  if (scope.kind === "all") return {};
  if (scope.kind === "public") return { visibility: "public" };
  return {
    OR: [
      { visibility: { not: "private" } },
      { ownerId: scope.userId },
      { shares: { some: { userId: scope.userId } } },
    ],
  };
}

/**
 * The scope's condition on `experiments e` for raw SQL, its user id added to `params` (numbered
 * after those already there); null for `all`.
 */
export function readableSql(scope: ReadScope, params: unknown[]): string | null {
  if (scope.kind === "all") return null;
  if (scope.kind === "public") return `e."visibility" = 'public'`;
  params.push(scope.userId);
  const user = `$${params.length}`;
  return `(e."visibility" <> 'private' OR e."owner_id" = ${user} OR EXISTS (SELECT 1 FROM "experiment_shares" sh WHERE sh."experiment_id" = e."id" AND sh."user_id" = ${user}))`;
}

/** What deciding a read of one experiment needs; `sharedWith` holds only the asking user, if shared. */
export interface ExperimentAccess {
  visibility: Visibility;
  ownerId: number | null;
  sharedWith: number[];
}

/** The live experiment's visibility, owner and whether it is shared with `userId`; null when none. */
export async function experimentAccess(
  db: Db,
  slug: string,
  userId: number | null,
): Promise<ExperimentAccess | null> {
  const row = await db.experiment.findFirst({
    where: { slug, deletedAt: null },
    select: {
      visibility: true,
      ownerId: true,
      shares: { where: { userId: userId ?? -1 }, select: { userId: true } },
    },
  });
  if (!row) return null;
  return {
    visibility: visibilitySchema.parse(row.visibility),
    ownerId: row.ownerId,
    sharedWith: row.shares.map((share) => share.userId),
  };
}

/** One share of an experiment, as listed. */
export interface ExperimentShareRow {
  email: string;
  role: ShareRole;
  createdAt: Date;
}

/** Whom the experiment is shared with, by e-mail. */
export async function listExperimentShares(db: Db, experimentId: number): Promise<ExperimentShareRow[]> {
  const rows = await db.experimentShare.findMany({
    where: { experimentId },
    select: { role: true, createdAt: true, user: { select: { email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((row) => ({
    email: row.user.email,
    role: shareRoleSchema.parse(row.role),
    createdAt: row.createdAt,
  }));
}

/** Shares the experiment with the user, or changes the role of an existing share. */
export async function putExperimentShare(
  tx: Prisma.TransactionClient,
  share: { experimentId: number; userId: number; role: ShareRole },
): Promise<void> {
  await tx.experimentShare.upsert({
    where: { experimentId_userId: { experimentId: share.experimentId, userId: share.userId } },
    create: share,
    update: { role: share.role },
  });
}

/** Stops sharing the experiment with the user; false when it was not shared with them. */
export async function removeExperimentShare(
  tx: Prisma.TransactionClient,
  experimentId: number,
  userId: number,
): Promise<boolean> {
  const { count } = await tx.experimentShare.deleteMany({ where: { experimentId, userId } });
  return count > 0;
}

/** The live experiment's id, visibility and owner (with the owner's e-mail); null when none. */
export async function experimentOwnership(
  db: Prisma.TransactionClient,
  slug: string,
): Promise<{ id: number; visibility: Visibility; ownerId: number | null; ownerEmail: string | null } | null> {
  const row = await db.experiment.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, ownerId: true, visibility: true, owner: { select: { email: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    visibility: visibilitySchema.parse(row.visibility),
    ownerId: row.ownerId,
    ownerEmail: row.owner?.email ?? null,
  };
}

/**
 * Sets who may read the experiment. Raw SQL so that updated_at stays (Prisma's @updatedAt would
 * move it): the data did not change, so neither do its version, its place in the list nor its bodies.
 */
export async function setExperimentVisibility(
  tx: Prisma.TransactionClient,
  experimentId: number,
  visibility: Visibility,
): Promise<void> {
  await tx.$executeRaw`UPDATE "experiments" SET "visibility" = ${visibility} WHERE "id" = ${experimentId}`;
}
