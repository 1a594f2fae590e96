import { z } from "zod";
import { versionSchema } from "./experimentSchemas";

/**
 * The few numbers a row of the home page draws its frontier thumbnail from: every evaluated α on
 * the explorer's default axes (correctness across, efficiency up) over all problems, and the best
 * solve rate. Stored per version by the statistics worker (kind `thumbnail@1`), so listing a page
 * computes nothing.
 */
export const thumbnailPointSchema = z.object({
  alpha: z.number(),
  /** Correctness (x of the default axes). */
  x: z.number(),
  /** Efficiency (y of the default axes). */
  y: z.number(),
  solveRate: z.number().nullable().describe("null where undefined (no samples)."),
  collapsed: z.boolean().describe("The checkpoint collapsed on all problems (drawn crossed)."),
});
export type ThumbnailPoint = z.infer<typeof thumbnailPointSchema>;

export const experimentThumbnailSchema = z
  .object({
    version: versionSchema,
    axes: z.object({ x: z.literal("correctness"), y: z.literal("efficiency") }),
    points: z
      .array(thumbnailPointSchema)
      .describe("Evaluated α in ascending order (those with both axis values; others are left out)."),
    best: z
      .object({ alpha: z.number(), solveRate: z.number() })
      .nullable()
      .describe("The highest solve rate of a checkpoint that did not collapse, and its α; null if none."),
  })
  .meta({ id: "ExperimentThumbnail" });
export type ExperimentThumbnail = z.infer<typeof experimentThumbnailSchema>;
