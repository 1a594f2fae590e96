import {
  type AuditAction,
  type AuditActor,
  type AuditEvent,
  auditActionSchema,
  auditActorSchema,
} from "../../contracts/audit";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

export interface AuditEventInput {
  actor: AuditActor;
  action: AuditAction;
  /** What was written, e.g. `experiment:<slug>`. */
  target: string;
  summary: string;
}

/** The audit target naming an experiment. */
export function experimentTarget(slug: string): string {
  return `experiment:${slug}`;
}

/** The audit target naming a study (its snapshots). */
export function studyTarget(slug: string): string {
  return `study:${slug}`;
}

/** Records one write; call it inside the write's own transaction so both commit or neither does. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}

/**
 * The most recent events first, at most `limit`; optionally only those about `target`, by `actor`
 * (a user's include those made through their tokens: `user:<email> (token <name>)`), or older
 * than the event `before` (by time, then id: the order listed, so pages never skip or repeat one).
 */
export async function listAuditEvents(
  db: Db,
  options: { limit: number; target?: string; actor?: string; before?: number },
): Promise<AuditEvent[]> {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (options.target !== undefined) where.push({ target: options.target });
  if (options.actor !== undefined) {
    where.push({ OR: [{ actor: options.actor }, { actor: { startsWith: `${options.actor} (token ` } }] });
  }
  if (options.before !== undefined) {
    const cursor = await db.auditEvent.findUnique({ where: { id: options.before }, select: { at: true } });
    if (cursor === null) return [];
    where.push({ OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: options.before } }] });
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: where },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: auditActorSchema.parse(row.actor),
    action: auditActionSchema.parse(row.action),
    target: row.target,
    summary: row.summary,
  }));
}
