import { z } from "zod";
import { modelReferenceFault } from "../domain/modelReference";
import { SETTINGS } from "../domain/setting";
import { SLUG_PATTERN, SLUG_RULE } from "../domain/slug";
import { EVALPLUS_TESTS } from "./evalplusStatus";
import { IMPORT_FORMATS } from "./formats";
import type { TextField } from "./limits";
import { textFault } from "./storable";

/** A refinement reporting why a text cannot be stored as `field` (see storable.ts). */
export function storable(field: TextField, options: { multiline?: boolean } = {}) {
  return (value: string, ctx: z.RefinementCtx) => {
    const fault = textFault(value, field, options);
    if (fault) ctx.addIssue({ code: "custom", message: fault });
  };
}

/** Text stored as `field`: trimmed, not empty, and storable. */
export function text(field: TextField) {
  return z.string().trim().min(1).superRefine(storable(field));
}

/** A model reference: stored text that is a Hugging Face id or a path (lib/domain/modelReference.ts). */
export function modelReference() {
  return z
    .string()
    .trim()
    .min(1)
    .superRefine((value, ctx) => {
      const fault = textFault(value, "model") ?? modelReferenceFault(value);
      if (fault) ctx.addIssue({ code: "custom", message: fault });
    });
}

const endpointSchema = z.strictObject({
  label: text("label"),
  model: modelReference().nullish(),
});

const checkpointSchema = z.strictObject({
  /** α of this checkpoint on θ(α) = (1−α)·θ_A + α·θ_B. */
  alpha: z.number({ error: "α must be a finite number" }),
  /** The results file, relative to the manifest. */
  file: text("path"),
  format: z.enum(IMPORT_FORMATS).optional(),
  model: modelReference().nullish(),
  label: text("label").nullish(),
  /** EvalPlus: which tests decide a pass. */
  tests: z.enum(EVALPLUS_TESTS).optional(),
  /** LiveCodeBench `_eval.json`: generation file or `_eval_all.json` giving problem ids (relative path). */
  problems: text("path").optional(),
});

const trainedSchema = z.strictObject({
  /** The trained checkpoint's label (e.g. "coverage 50%"), unique in the experiment. */
  label: text("label"),
  /** The coverage level it was trained at, when known. */
  coverage: z.number({ error: "coverage must be a finite number" }).nullish(),
  file: text("path"),
  format: z.enum(IMPORT_FORMATS).optional(),
  model: modelReference().nullish(),
  tests: z.enum(EVALPLUS_TESTS).optional(),
  problems: text("path").optional(),
});

/** A sweep manifest: one experiment's metadata and its checkpoints' result files (YAML or JSON). */
export const manifestSchema = z
  .strictObject({
    slug: z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`),
    name: text("name"),
    description: z
      .string()
      .trim()
      .superRefine(storable("description", { multiline: true }))
      .default(""),
    benchmark: text("benchmark"),
    setting: z.enum(SETTINGS),
    modelFamily: text("modelFamily").nullish(),
    modelScale: z.union([text("modelScale"), z.number().transform(String)]).nullish(),
    endpoints: z.strictObject({ a: endpointSchema, b: endpointSchema }),
    /** The study the experiment joins when created (its slug), and the study's name. */
    study: z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`).optional(),
    studyName: text("name").optional(),
    checkpoints: z.array(checkpointSchema).default([]),
    /** Trained checkpoints beside the α line (separate runs, e.g. at intermediate coverage). */
    trained: z.array(trainedSchema).default([]),
  })
  .superRefine((manifest, ctx) => {
    if (manifest.checkpoints.length === 0 && manifest.trained.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["checkpoints"],
        message: "must list at least one checkpoint (or trained checkpoint)",
      });
    const labels = new Map<string, number>();
    manifest.trained.forEach((trained, i) => {
      const earlier = labels.get(trained.label);
      if (earlier === undefined) labels.set(trained.label, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["trained", i, "label"],
          message: `duplicate trained label (also trained[${earlier}])`,
        });
    });
    if (manifest.studyName !== undefined && manifest.study === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["studyName"],
        message: "names a study: give its slug in `study` too",
      });
    const first = new Map<number, number>();
    manifest.checkpoints.forEach((checkpoint, i) => {
      const earlier = first.get(checkpoint.alpha);
      if (earlier === undefined) first.set(checkpoint.alpha, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["checkpoints", i, "alpha"],
          message: `duplicate α (also checkpoints[${earlier}])`,
        });
    });
  });

export type ManifestDocument = z.infer<typeof manifestSchema>;
