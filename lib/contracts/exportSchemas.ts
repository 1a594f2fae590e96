import { z } from "zod";
import { alphaSchema, difficultySliceSchema } from "./schemas";
import { snapshotIdSchema } from "./sharing";
import { versionQuerySchema } from "./versions";

/** GET /api/experiments/[slug]/export.csv */
export const exportCsvQuerySchema = z.object({
  difficulty: difficultySliceSchema.default("all"),
  version: versionQuerySchema.shape.version,
});

/** GET /api/experiments/[slug]/mergekit */
export const mergekitQuerySchema = z.object({
  alpha: alphaSchema,
  difficulty: difficultySliceSchema.default("all"),
});

/** The most α markers a preview image draws (the scaling page's ensemble members). */
export const PREVIEW_MAX_MARKERS = 8;

/**
 * GET /api/experiments/[slug]/preview.png: the frontier with a marker at each α of `members`; the
 * slice and axes are read like the explorer's URL (lib/views/viewState), defaults for what is absent.
 */
export const previewQuerySchema = z.object({
  members: z
    .string()
    .max(200)
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === "") return [];
      const values = text
        .split(",")
        .map((part) => (part.trim() === "" ? Number.NaN : Number(part.trim().replace("−", "-"))));
      if (values.some((value) => !Number.isFinite(value)) || values.length > PREVIEW_MAX_MARKERS) {
        context.addIssue({
          code: "custom",
          message: `must be up to ${PREVIEW_MAX_MARKERS} finite numbers separated by commas`,
        });
        return z.NEVER;
      }
      return values;
    }),
  difficulty: difficultySliceSchema.default("all"),
  /** A public snapshot of this experiment whose link preview this is: opens the image for anyone. */
  snapshot: snapshotIdSchema.optional(),
});
