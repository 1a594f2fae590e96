import { z } from "zod";
import { slugSchema } from "./schemas";

/** The most events one GET /api/audit answers. */
export const AUDIT_MAX_LIMIT = 500;

/**
 * Who made a write: "local" (a loopback request, or the CLI on the database), "token" (a request
 * carrying the shared ALPHASCOPE_WRITE_TOKEN), "system" (the purge job), or a user on a team server:
 * `user:<email>`, and through a personal token `user:<email> (token <name>)`.
 */
export const auditActorSchema = z.string().min(1).meta({
  description:
    'Who made the write: "local", "token", "system", or `user:<email>` (with ` (token <name>)` through a personal token).',
  example: "user:ada@example.org",
});

/** Every write recorded (the CHECK constraint of audit_events lists the same). */
export const auditActionSchema = z.enum([
  "experiment.delete",
  "experiment.restore",
  "experiment.purge",
  "user.signin",
  "experiment.visibility",
  "experiment.share",
  "experiment.unshare",
  "user.add",
  "user.role",
  "user.remove",
  "token.create",
  "token.revoke",
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
  actor: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(400, "must be at most 400 characters")
    .optional()
    .meta({
      description:
        "Only this actor's events (`local`, `user:<email>`: a user's include those made through their tokens).",
    }),
  before: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .optional()
    .meta({
      description: "Only events older than the one with this id: the next page is `before=<last id>`.",
    }),
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
