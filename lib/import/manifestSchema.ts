import { z } from "zod";
import { SETTINGS } from "../domain/setting";
import { EVALPLUS_TESTS } from "./evalplusStatus";
import { IMPORT_FORMATS } from "./formats";

const text = z.string().trim().min(1);

const endpointSchema = z.strictObject({
  label: text,
  model: text.nullish(),
});

const checkpointSchema = z.strictObject({
  /** α of this checkpoint on θ(α) = (1−α)·θ_A + α·θ_B. */
  alpha: z.number({ error: "α must be a finite number" }),
  /** The results file, relative to the manifest. */
  file: text,
  format: z.enum(IMPORT_FORMATS).optional(),
  model: text.nullish(),
  label: text.nullish(),
  /** EvalPlus: which tests decide a pass. */
  tests: z.enum(EVALPLUS_TESTS).optional(),
  /** LiveCodeBench `_eval.json`: generation file or `_eval_all.json` giving problem ids (relative path). */
  problems: text.optional(),
});

/** A sweep manifest: one experiment's metadata and its checkpoints' result files (YAML or JSON). */
export const manifestSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and dashes"),
    name: text,
    description: z.string().default(""),
    benchmark: text,
    setting: z.enum(SETTINGS),
    modelFamily: text.nullish(),
    modelScale: z.union([text, z.number().transform(String)]).nullish(),
    endpoints: z.strictObject({ a: endpointSchema, b: endpointSchema }),
    checkpoints: z.array(checkpointSchema).min(1, "must list at least one checkpoint"),
  })
  .superRefine((manifest, ctx) => {
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
