import { z } from "zod";

/** `?version=<id>` on an experiment's reads: that version, read-only (absent: the current one). */
export const versionQuerySchema = z.object({
  version: z.coerce
    .number({ error: "must be a version id" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(2_147_483_647, "must be a version id")
    .optional()
    .meta({
      description:
        "A version id from GET /api/experiments/{slug}/versions: that version, read-only, exactly as it was served (absent: the current version).",
    }),
});

/** The path of POST /api/experiments/{slug}/versions/{id}/restore: the version's id. */
export const versionIdSchema = z.coerce
  .number({ error: "must be a version id" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(2_147_483_647, "must be a version id");

export const versionChangesSchema = z
  .object({
    added: z.array(z.number()).describe("α of the checkpoints this version added."),
    replaced: z
      .array(z.number())
      .describe("α whose checkpoint this version replaced (the older one is kept)."),
    removed: z.array(z.number()).describe("α this version no longer has (a version restore)."),
    trained: z
      .object({
        added: z.array(z.string()),
        replaced: z.array(z.string()),
        removed: z.array(z.string()),
      })
      .describe("The same for the trained checkpoints (beside the α line), by label."),
  })
  .meta({ id: "VersionChanges" });

export const experimentVersionSchema = z
  .object({
    id: z.number().int(),
    createdAt: z.string().describe("When the version was made (ISO 8601)."),
    actor: z.string().describe("Who made it (see AuditEvent.actor)."),
    changes: versionChangesSchema,
    current: z.boolean().describe("True for the version every read without `?version=` serves."),
  })
  .meta({ id: "ExperimentVersion" });

export const experimentVersionListSchema = z
  .object({ experiment: z.string(), versions: z.array(experimentVersionSchema).describe("Newest first.") })
  .meta({ id: "ExperimentVersionList" });

export const versionRestoredSchema = z
  .object({
    experiment: z.string(),
    restored: z.number().int().describe("The version whose checkpoints are live again."),
    version: experimentVersionSchema.describe("The new current version that restore made."),
  })
  .meta({ id: "VersionRestored" });

export type ExperimentVersionItem = z.infer<typeof experimentVersionSchema>;
export type ExperimentVersionList = z.infer<typeof experimentVersionListSchema>;
export type VersionRestored = z.infer<typeof versionRestoredSchema>;
