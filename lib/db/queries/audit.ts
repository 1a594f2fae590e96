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
    actor: auditActorSchema.parse(row.actor),
    action: auditActionSchema.parse(row.action),
    target: row.target,
    summary: row.summary,
  }));
}
