import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";

/**
 * Who made a write, until sign-in exists: 'local' (a loopback request or the CLI on the database),
 * 'token' (a request carrying the shared write token), 'system' (the purge job).
 */
export type AuditActor = "local" | "token" | "system";

/** The writes recorded so far (the CHECK constraint of audit_events lists the same). */
export type AuditAction = "experiment.delete" | "experiment.restore" | "experiment.purge";

export interface AuditEventInput {
  actor: AuditActor;
  action: AuditAction;
  /** What was written, e.g. `experiment:<slug>`. */
  target: string;
  summary: string;
}

export interface AuditEvent extends AuditEventInput {
  id: number;
  at: string;
}

/** The audit target naming an experiment. */
export function experimentTarget(slug: string): string {
  return `experiment:${slug}`;
}

/** Records one write; call it inside the write's own transaction so both commit or neither does. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}

/** The most recent events first, at most `limit`, optionally only those about `target`. */
export async function listAuditEvents(
  db: Db,
  options: { limit: number; target?: string },
): Promise<AuditEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: options.target === undefined ? {} : { target: options.target },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor as AuditActor,
    action: row.action as AuditAction,
    target: row.target,
    summary: row.summary,
  }));
}
