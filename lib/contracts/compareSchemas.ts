import { z } from "zod";
import { COMPARE_MAX, COMPARE_MIN } from "./compareLimits";
import { slugSchema } from "./schemas";

/**
 * The `experiments` parameter of /compare and GET /api/compare: 2–4 distinct slugs separated by
 * commas, in the order they are drawn.
 */
export const compareSlugsSchema = z
  .string({ error: "required: 2–4 experiment slugs separated by commas" })
  .transform((text) => text.split(",").map((slug) => slug.trim()))
  .pipe(
    z
      .array(slugSchema)
      .min(COMPARE_MIN, `name at least ${COMPARE_MIN} experiments`)
      .max(COMPARE_MAX, `name at most ${COMPARE_MAX} experiments`)
      .refine((slugs) => new Set(slugs).size === slugs.length, "name each experiment once"),
  );

export const compareQuerySchema = z.object({ experiments: compareSlugsSchema });
