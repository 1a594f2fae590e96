import { z } from "zod";
import { visibilitySchema } from "../contracts/users";
import { CLUSTER_OPTIONS } from "../domain/clusterBy";
import { SETTINGS } from "../domain/setting";
import { SLUG_PATTERN, SLUG_RULE } from "../domain/slug";
import { modelReference, storable, text } from "./manifestSchema";

/** One endpoint's changes: its label, its model reference (null removes it). */
const endpointPatchSchema = z.strictObject({
  label: text("label").optional(),
  model: modelReference().nullable().optional(),
});

/**
 * A change to an experiment's metadata (PATCH /api/experiments/<slug>): any of the fields a
 * manifest sets, each checked by the manifest's rules; null clears an optional one. At least one.
 */
export const experimentMetadataPatchSchema = z
  .strictObject({
    name: text("name").optional(),
    description: z
      .string()
      .trim()
      .superRefine(storable("description", { multiline: true }))
      .optional(),
    benchmark: text("benchmark").optional(),
    setting: z.enum(SETTINGS).optional(),
    modelFamily: text("modelFamily").nullable().optional(),
    modelScale: text("modelScale").nullable().optional(),
    endpoints: z
      .strictObject({ a: endpointPatchSchema.optional(), b: endpointPatchSchema.optional() })
      .optional(),
    /**
     * How the bootstrap resamples problems: by cluster ("contest", "metadata:<key>"), or null one by
     * one. A change recomputes every interval of the experiment (it makes a new version).
     */
    clusterBy: z
      .enum(CLUSTER_OPTIONS, { error: `must be null or one of ${CLUSTER_OPTIONS.join(", ")}` })
      .nullable()
      .optional(),
    /** The study the experiment belongs to (its slug; made on first use); null takes it out of any. */
    study: z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`).nullable().optional(),
    /** The study's name: names a new study, or renames the one given in `study`. */
    studyName: text("name").optional(),
    /** Who may read it when sign-in is on: team, private or public (its owner or an admin decides). */
    visibility: visibilitySchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "send at least one field to change")
  .refine((patch) => patch.studyName === undefined || typeof patch.study === "string", {
    path: ["studyName"],
    message: "names a study: give its slug in `study` too",
  });

export type ExperimentMetadataPatch = z.infer<typeof experimentMetadataPatchSchema>;
