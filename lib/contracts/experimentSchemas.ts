import { z } from "zod";
import { CLUSTER_OPTIONS } from "../domain/clusterBy";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { SETTINGS } from "../domain/setting";
import { VERDICTS } from "../domain/verdicts";
import { METRIC_IDS } from "../science/metricRegistry";

// Wire shapes of the experiment reads. The TypeScript types of these payloads are declared in
// lib/contracts/types.ts and lib/science/metrics.ts; tests/unit/contracts/wireSchemas.test.ts proves each
// schema's output type equal to its type, so neither can change without the other.

export const alphaKindSchema = z.enum(["endpoint", "interpolated", "extrapolated"]);

export const versionSchema = z
  .string()
  .describe(
    "The version of the experiment's data the numbers come from (changes with every import that changes it).",
  );

export const verdictCountsSchema = z
  .object(
    Object.fromEntries(VERDICTS.map((v) => [v, z.number()])) as Record<
      (typeof VERDICTS)[number],
      z.ZodNumber
    >,
  )
  .meta({ id: "VerdictCounts" });

export const sliceSummarySchema = z
  .object({
    problems: z.number().int(),
    samples: z.number().int(),
    verdicts: verdictCountsSchema,
    shares: verdictCountsSchema,
    solveRate: z.number(),
    correctness: z.number(),
    efficiency: z.number(),
    meanPassRuntimeMs: z.number().nullable(),
    passAtK: z
      .record(z.string(), z.number())
      .describe("pass@k keyed by k, for the standard k ≤ the smallest n."),
  })
  .meta({ id: "SliceSummary" });

export const checkpointSummarySchema = sliceSummarySchema
  .extend({
    alpha: z.number(),
    kind: alphaKindSchema,
    label: z.string().nullable(),
    model: z.string().nullable(),
    byDifficulty: z.object({
      easy: sliceSummarySchema.optional(),
      medium: sliceSummarySchema.optional(),
      hard: sliceSummarySchema.optional(),
    }),
  })
  .meta({ id: "CheckpointSummary" });

export const trainedSummarySchema = sliceSummarySchema
  .extend({
    label: z
      .string()
      .describe('The trained checkpoint\'s label, unique in the experiment (e.g. "coverage 50%").'),
    coverage: z.number().nullable().describe("The coverage level it was trained at, when given."),
    model: z.string().nullable(),
    byDifficulty: z.object({
      easy: sliceSummarySchema.optional(),
      medium: sliceSummarySchema.optional(),
      hard: sliceSummarySchema.optional(),
    }),
  })
  .describe(
    "A trained checkpoint beside the α line (a separate run, not a point on it), scored over the α checkpoints' problems.",
  )
  .meta({ id: "TrainedSummary" });

export const experimentListItemSchema = z
  .object({
    version: versionSchema,
    slug: z.string(),
    name: z.string(),
    benchmark: z.string(),
    setting: z.enum(SETTINGS),
    synthetic: z.boolean(),
    alphaMin: z.number().nullable(),
    alphaMax: z.number().nullable(),
    checkpoints: z.number().int(),
    problems: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "ExperimentListItem" });

const endpointSchema = z.object({ label: z.string(), model: z.string().nullable() });

export const experimentHeaderSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    benchmark: z.string(),
    setting: z.enum(SETTINGS),
    modelFamily: z.string().nullable(),
    modelScale: z.string().nullable(),
    synthetic: z.boolean(),
    clusterBy: z
      .enum(CLUSTER_OPTIONS)
      .nullable()
      .describe(
        'How the bootstrap resamples problems: null one by one (the default); "contest" by LiveCodeBench contest (platform and contest date); "metadata:<key>" by that problem metadata value.',
      ),
    endpoints: z.object({ a: endpointSchema, b: endpointSchema }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ExperimentHeader" });

export const experimentDetailSchema = experimentHeaderSchema
  .extend({
    version: versionSchema,
    checkpoints: z.array(checkpointSummarySchema),
    trained: z
      .array(trainedSummarySchema)
      .optional()
      .describe(
        "Trained checkpoints, by coverage (unknown last) then label; empty when there are none (absent only in views pinned before trained checkpoints existed).",
      ),
  })
  .meta({ id: "ExperimentDetail" });

export const experimentChangedSchema = experimentHeaderSchema
  .extend({ version: versionSchema })
  .meta({ id: "ExperimentChanged" });

export const statisticsStatusSchema = z
  .enum(["ready", "computing"])
  .describe(
    '"computing" while the intervals of this version are still being computed (the point values are final).',
  );

const frontierIntervalSchema = z
  .object({
    value: z.number(),
    lower: z.number().nullable().describe("95% percentile bootstrap bound; null while computing."),
    upper: z.number().nullable(),
    lowerJoint: z
      .number()
      .nullable()
      .describe(
        "97.5% bound (Bonferroni: two of them hold jointly at 95%), used by the estimate between evaluated α.",
      ),
    upperJoint: z.number().nullable(),
  })
  .meta({ id: "FrontierInterval" });

const frontierEstimateSchema = frontierIntervalSchema
  .extend({
    deltaA: frontierIntervalSchema
      .nullable()
      .describe(
        "Paired change against endpoint A (α = 0): value exactly this metric minus A's, interval from the same problem resamples; null when A has no value.",
      ),
    deltaB: frontierIntervalSchema
      .nullable()
      .describe("Paired change against endpoint B (α = 1), as deltaA."),
  })
  .meta({ id: "FrontierEstimate" });

const frontierPointSchema = z
  .object({
    alpha: z.number(),
    kind: alphaKindSchema,
    label: z.string().nullable(),
    problems: z.number().int(),
    samples: z.number().int(),
    collapsed: z
      .boolean()
      .describe(
        "The checkpoint has collapsed on this slice (docs/science.md); it stays out of `pareto` unless included.",
      ),
    pNonDominated: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe(
        "Share of bootstrap resamples in which the checkpoint is non-dominated on the Pareto axes (a probable Pareto set); null when it does not compete, while intervals compute, or for axes whose shares are not computed (only the default axes are).",
      ),
    metrics: z
      .record(z.string(), frontierEstimateSchema)
      .describe("Every metric defined for this checkpoint, keyed by metric id (see /glossary)."),
  })
  .meta({ id: "FrontierPoint" });

const trainedPointSchema = z
  .object({
    label: z.string(),
    coverage: z.number().nullable(),
    problems: z.number().int(),
    samples: z.number().int(),
    metrics: z
      .record(z.string(), frontierEstimateSchema)
      .describe(
        "Every metric defined for this checkpoint, with intervals from the same problem resamples as the α points (paired changes against A and B included).",
      ),
  })
  .meta({ id: "TrainedPoint" });

const frontierSliceSchema = z
  .object({
    slice: z.enum(DIFFICULTY_SLICES),
    problems: z.number().int(),
    points: z.array(frontierPointSchema),
    trained: z
      .array(trainedPointSchema)
      .optional()
      .describe(
        "Trained checkpoints (not on the α line): reference points, never in `pareto`; by coverage (unknown last) then label. Always present in a live response (empty when there are none); absent only in views pinned before trained checkpoints existed.",
      ),
    pareto: z
      .object({
        x: z.enum(METRIC_IDS).describe("Metric id of the x axis (see /glossary)."),
        y: z.enum(METRIC_IDS).describe("Metric id of the y axis."),
        includesCollapsed: z.boolean(),
        alphas: z.array(z.number()).describe("The non-dominated α for these axes."),
      })
      .meta({ id: "FrontierPareto" }),
  })
  .meta({ id: "FrontierSlice" });

export const bootstrapSettingsSchema = z
  .object({ resamples: z.number().int(), seed: z.number().int(), level: z.number() })
  .meta({ id: "BootstrapSettings" });

/** The bootstrap of a version's intervals: the settings and the clusters it resamples. */
export const versionBootstrapSchema = bootstrapSettingsSchema
  .extend({
    cluster: z
      .object({
        by: z.enum(CLUSTER_OPTIONS).describe("The experiment's cluster option (clusterBy)."),
        clusters: z.number().int().describe("How many clusters the experiment's problems make."),
      })
      .nullable()
      .describe("The clusters resampled (each bringing all its problems); null: problems one by one."),
  })
  .meta({ id: "VersionBootstrap" });

export const frontierDataSchema = z
  .object({
    status: statisticsStatusSchema,
    version: versionSchema,
    experiment: experimentHeaderSchema,
    bootstrap: versionBootstrapSchema,
    slices: z.object(
      Object.fromEntries(DIFFICULTY_SLICES.map((slice) => [slice, frontierSliceSchema])) as Record<
        (typeof DIFFICULTY_SLICES)[number],
        typeof frontierSliceSchema
      >,
    ),
  })
  .meta({ id: "FrontierData" });

export const experimentTrashedSchema = z
  .object({
    slug: z.string(),
    deletedAt: z.string().describe("When the experiment was moved to the trash (ISO 8601)."),
    purgeAfter: z
      .string()
      .describe("When the purge job may delete it for good (deletedAt + ALPHASCOPE_TRASH_DAYS, ISO 8601)."),
  })
  .meta({ id: "ExperimentTrashed" });

export const experimentRestoredSchema = z
  .object({ slug: z.string(), restored: z.literal(true) })
  .meta({ id: "ExperimentRestored" });

/** Each problem's cluster key, when the experiment resamples by cluster (the matrix and the problem counts carry it). */
export const clusterKeysSchema = z
  .object({
    by: z.enum(CLUSTER_OPTIONS).describe("The experiment's cluster option (clusterBy)."),
    keys: z
      .array(z.string().nullable())
      .describe("Each problem's cluster key, in the order of `problems`; null: a cluster of its own."),
  })
  .nullable()
  .describe(
    "The problems' clusters when the experiment resamples by cluster; null when one by one (the default).",
  );
