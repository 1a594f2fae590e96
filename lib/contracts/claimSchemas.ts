import { z } from "zod";
import { DIFFICULTY_SLICES, type DifficultySlice } from "../domain/difficulty";
import { CLAIM_IDS, CLAIM_VERDICTS, DEFAULT_EQUIVALENCE_MARGIN } from "../science/claims";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";
import { METRIC_IDS } from "../science/metricRegistry";
import { versionBootstrapSchema } from "./experimentSchemas";
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

const intervalSchema = z.tuple([z.number(), z.number()]);
const claimAxesSchema = z.object({ x: metricIdSchema, y: metricIdSchema });

/** One slice's claims as stored, with what a different margin needs to judge flat-solve-rate again. */
const storedSliceClaimsSchema = z.object({
  problems: z.int().nonnegative(),
  claims: z.array(claimSchema),
  solveRateChange: z
    .object({ estimate: z.number(), ci90: intervalSchema, ci95: intervalSchema })
    .nullable()
    .describe("The solve rate at B − at A with its 90 % and 95 % intervals; null without α 0 and 1."),
});

/** The claims kind's body: every slice's claims at the default margin and axes. */
const storedClaimsSchema = z.object({
  version: z.string(),
  experiment: z.string(),
  bootstrap: versionBootstrapSchema,
  axes: claimAxesSchema,
  margin: z.number().describe("flat-solve-rate's margin, as a fraction."),
  slices: z.object(
    Object.fromEntries(DIFFICULTY_SLICES.map((slice) => [slice, storedSliceClaimsSchema])) as Record<
      DifficultySlice,
      typeof storedSliceClaimsSchema
    >,
  ),
});

/**
 * The claims a snapshot pins: the stored body as it was (every slice at the default axes, so any
 * margin is judged again from it) and, when the pinned view plots other axes, extrapolation-extends
 * tested on them for the view's slice (`claim` null when the claim was absent there).
 */
export const pinnedClaimsSchema = z
  .object({
    stored: storedClaimsSchema.describe("Every slice's claims at the default margin and axes."),
    onAxes: z
      .object({
        difficulty: difficultySliceSchema,
        axes: claimAxesSchema,
        claim: claimSchema.nullable().describe("extrapolation-extends on these axes."),
        retraces: claimSchema
          .nullable()
          .optional()
          .describe("retraces on these axes; absent in snapshots pinned before it was tested on other axes."),
      })
      .nullable()
      .describe(
        "The axis-dependent claims on the pinned view's axes for its slice; null on the default axes.",
      ),
  })
  .meta({ id: "PinnedClaims" });

export type StoredSliceClaims = z.infer<typeof storedSliceClaimsSchema>;
export type StoredClaims = z.infer<typeof storedClaimsSchema>;
export type PinnedClaims = z.infer<typeof pinnedClaimsSchema>;
