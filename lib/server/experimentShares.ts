import type { AuditActor } from "../contracts/audit";
import type { ExperimentShares, ShareRole } from "../contracts/shares";
import type { Db } from "../db/client";
import { experimentTarget, recordAuditEvent } from "../db/queries/audit";
import {
  experimentAccess,
  experimentOwnership,
  listExperimentShares,
  putExperimentShare,
  removeExperimentShare,
} from "../db/queries/experimentShares";
import { userByEmail } from "../db/queries/users";
import type { Principal } from "./auth/principal";
import { experimentNotFound, requireMayRead } from "./auth/visibility";
import { BadRequestError, ForbiddenError } from "./errors";

/**
 * Throws unless `principal` may decide who reads the experiment: without sign-in anyone the write
 * guard let through; with it the owner and admins, or, for an experiment without an owner (made
 * before sign-in, or whose owner left), any writer who may read it. One who may not read it gets
 * the 404 of a missing experiment; one who may, a 403.
 */
export async function requireReadersManager(db: Db, principal: Principal, slug: string): Promise<void> {
  const access = await experimentAccess(db, slug, principal.kind === "user" ? principal.userId : null);
  requireMayRead(principal, slug, access);
  if (access === null || principal.kind !== "user") return;
  if (principal.role === "admin" || access.ownerId === null || access.ownerId === principal.userId) return;
  throw new ForbiddenError(`Only the owner of "${slug}" or an admin decides who reads it.`);
}

/** The experiment's visibility, owner and shares; null when no live experiment has that slug. */
async function sharesOf(db: Db, slug: string): Promise<ExperimentShares | null> {
  const ownership = await experimentOwnership(db, slug);
  if (!ownership) return null;
  const shares = await listExperimentShares(db, ownership.id);
  return {
    slug,
    visibility: ownership.visibility,
    owner: ownership.ownerEmail,
    shares: shares.map((share) => ({ ...share, createdAt: share.createdAt.toISOString() })),
  };
}

/** GET /api/experiments/<slug>/shares (the caller checked by {@link requireReadersManager}). */
export async function experimentShares(db: Db, slug: string): Promise<ExperimentShares> {
  const shares = await sharesOf(db, slug);
  if (!shares) throw experimentNotFound(slug);
  return shares;
}

/** The user with this e-mail; a 400 naming the field when there is none. */
async function shareUser(db: Db, email: string): Promise<{ id: number; email: string }> {
  const user = await userByEmail(db, email);
  if (!user)
    throw new BadRequestError(`Invalid field "email": no user has the address ${JSON.stringify(email)}.`);
  return user;
}

/**
 * PUT /api/experiments/<slug>/shares: shares the experiment with the user (or changes their role),
 * recorded in the audit trail in the same transaction.
 */
export async function shareExperiment(
  db: Db,
  slug: string,
  share: { email: string; role: ShareRole },
  actor: AuditActor,
): Promise<ExperimentShares> {
  const user = await shareUser(db, share.email);
  await db.$transaction(async (tx) => {
    const ownership = await experimentOwnership(tx, slug);
    if (!ownership) throw experimentNotFound(slug);
    await putExperimentShare(tx, { experimentId: ownership.id, userId: user.id, role: share.role });
    await recordAuditEvent(tx, {
      actor,
      action: "experiment.share",
      target: experimentTarget(slug),
      summary: `Shared experiment "${slug}" with ${user.email} as ${share.role}.`,
    });
  });
  return experimentShares(db, slug);
}

/** DELETE /api/experiments/<slug>/shares: stops sharing with the user; 400 when it was not shared. */
export async function unshareExperiment(
  db: Db,
  slug: string,
  email: string,
  actor: AuditActor,
): Promise<ExperimentShares> {
  const user = await shareUser(db, email);
  await db.$transaction(async (tx) => {
    const ownership = await experimentOwnership(tx, slug);
    if (!ownership) throw experimentNotFound(slug);
    if (!(await removeExperimentShare(tx, ownership.id, user.id)))
      throw new BadRequestError(`Invalid field "email": "${slug}" is not shared with ${user.email}.`);
    await recordAuditEvent(tx, {
      actor,
      action: "experiment.unshare",
      target: experimentTarget(slug),
      summary: `Stopped sharing experiment "${slug}" with ${user.email}.`,
    });
  });
  return experimentShares(db, slug);
}
