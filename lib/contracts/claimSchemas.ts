import { z } from "zod";
import { CLAIM_IDS, CLAIM_VERDICTS, DEFAULT_EQUIVALENCE_MARGIN } from "../science/claims";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";
import { METRIC_IDS } from "../science/metricRegistry";
import { difficultySliceSchema } from "./schemas";

/** The largest equivalence margin asked for, in points: half the solve-rate scale. */
export const MAX_MARGIN_POINTS = 50;

const metricIdSchema = z.enum(METRIC_IDS, { error: `must be a metric id (${METRIC_IDS.join(", ")})` });

/**
 * Query of GET /api/experiments/[slug]/claims: the slice, flat-solve-rate's margin in percentage
 * points, and the axes of extrapolation-extends (as the frontier route takes them; two distinct metrics).
 */
export const claimsQuerySchema = z
  .object({
    difficulty: difficultySliceSchema.default("all"),
    margin: z.coerce
      .number({ error: "must be a number of percentage points" })
      .refine(
        (value) => value > 0 && value <= MAX_MARGIN_POINTS,
        `must be a number of points in (0, ${MAX_MARGIN_POINTS}]`,
      )
      .default(DEFAULT_EQUIVALENCE_MARGIN * 100),
    x: metricIdSchema.default(DEFAULT_FRONTIER_AXES.x),
    y: metricIdSchema.default(DEFAULT_FRONTIER_AXES.y),
  })
  .refine((query) => query.x !== query.y, { path: ["y"], message: "must be a different metric from x" });

export const claimSchema = z.object({
  id: z.enum(CLAIM_IDS),
  title: z.string(),
  estimate: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  level: z.number(),
  verdict: z.enum(CLAIM_VERDICTS),
  rule: z.string(),
  detail: z.string(),
});

export const claimsResponseSchema = z.object({
  version: z.string(),
  difficulty: difficultySliceSchema,
  /** The margin and axes the claims were tested with. */
  margin: z.number(),
  axes: z.object({ x: metricIdSchema, y: metricIdSchema }),
  claims: z.array(claimSchema),
});

export type ClaimsQuery = z.infer<typeof claimsQuerySchema>;
export type ClaimsResponse = z.infer<typeof claimsResponseSchema>;
