import { z } from "zod";
import { slugSchema } from "./schemas";

/** The most events one GET /api/audit answers. */
export const AUDIT_MAX_LIMIT = 500;

/**
 * Who made a write, until sign-in exists: 'local' (a loopback request or the CLI on the database),
 * 'token' (a request carrying the shared write token), 'system' (the purge job).
 */
export const auditActorSchema = z.enum(["local", "token", "system"]);

/** Every write recorded (the CHECK constraint of audit_events lists the same). */
export const auditActionSchema = z.enum([
  "experiment.delete",
  "experiment.restore",
  "experiment.purge",
  "experiment.import",
  "experiment.replace",
  "experiment.update",
  "experiment.version.restore",
  "experiment.version.purge",
  "snapshot.create",
  "snapshot.delete",
  "view.create",
  "view.rename",
  "view.reorder",
  "view.delete",
]);

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string().describe("When the write committed (ISO 8601)."),
    actor: auditActorSchema,
    action: auditActionSchema,
    target: z.string().describe("What was written, e.g. `experiment:<slug>`."),
    summary: z.string(),
  })
  .meta({ id: "AuditEvent" });

export const auditQuerySchema = z.object({
  experiment: slugSchema.optional().meta({ description: "Only the events about this experiment." }),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(AUDIT_MAX_LIMIT, `must be at most ${AUDIT_MAX_LIMIT}`)
    .default(100),
});

export type AuditActor = z.infer<typeof auditActorSchema>;
export type AuditAction = z.infer<typeof auditActionSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
