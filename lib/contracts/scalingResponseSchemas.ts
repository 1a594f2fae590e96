import { z } from "zod";
import { DIFFICULTIES, DIFFICULTY_SLICES } from "../domain/difficulty";
import {
  alphaKindSchema,
  bootstrapSettingsSchema,
  clusterKeysSchema,
  statisticsStatusSchema,
  versionBootstrapSchema,
  versionSchema,
} from "./experimentSchemas";

// Wire shapes of the scaling reads; their types are declared in lib/contracts/scalingTypes.ts and proved
// equal to these schemas by tests/unit/contracts/wireSchemas.test.ts.

const memberSchema = z.object({ alpha: z.number(), samples: z.number().int() });
const interval = z.tuple([z.number(), z.number()]);

export const ensembleEvaluationSchema = z
  .object({
    experiment: z.string(),
    difficulty: z.enum(DIFFICULTY_SLICES),
    problems: z.number().int(),
    budget: z.number().int().describe("K = Σ samples."),
    members: z.array(memberSchema.extend({ kind: alphaKindSchema, passAtK: z.number() })),
    passAtK: z.number().describe("Ensemble pass@K: mean over problems of 1 − Π C(nᵢ−cᵢ, kᵢ)/C(nᵢ, kᵢ)."),
    bestSingle: z.object({ alpha: z.number(), passAtK: z.number() }),
    gain: z.number(),
    gainCI: interval,
    bootstrap: bootstrapSettingsSchema,
    solvedThreshold: z.number(),
    solvedOnlyByEnsemble: z.number().int(),
    solvedOnlyByBestSingle: z.number().int(),
  })
  .meta({ id: "EnsembleEvaluation" });

/** A searched ensemble's selection-adjusted gain interval (lib/science/ensembleSelection.ts). */
const adjustedGainSchema = z
  .object({
    method: z
      .string()
      .describe(
        'How the selection is accounted for ("simultaneous-bonferroni": simultaneous over every set the search could pick).',
      ),
    explanation: z.string(),
    lower: z.number(),
    upper: z.number(),
    gain: z.number().describe("The shown set's gain over the best single checkpoint, on all the problems."),
    pickedEnsemble: z
      .boolean()
      .describe(
        "False when the shown set is a single checkpoint (the best single): then there is no ensemble gain and `lower`/`upper` are not an interval to show; `explanation` says so.",
      ),
    members: z.array(memberSchema).describe("The shown set (the search's winner)."),
    bestSingleAlpha: z.number(),
    comparisons: z
      .number()
      .int()
      .describe("How many (set, single checkpoint) comparisons the interval is simultaneous over."),
    criticalValue: z
      .number()
      .describe("The normal critical value used instead of 1.96: Φ⁻¹(1 − (1 − level) / (2 · comparisons))."),
    problems: z.number().int(),
  })
  .meta({ id: "SelectionAdjustedGain" });

export const ensembleSearchSummarySchema = z
  .object({
    experiment: z.string(),
    difficulty: z.enum(DIFFICULTY_SLICES),
    budget: z
      .number()
      .int()
      .describe("K, split equally over each ensemble's members (remainder to the lower α)."),
    maxMembers: z.number().int(),
    method: z.enum(["exact", "greedy"]),
    approximation: z
      .string()
      .describe("What was searched, in words: exhaustive, or greedy and not guaranteed optimal."),
    evaluated: z.number().int().describe("Candidate sets whose pass@K was computed."),
    bestSingle: z.object({ alpha: z.number(), passAtK: z.number() }).nullable(),
    ensembles: z
      .array(z.object({ members: z.array(memberSchema), passAtK: z.number(), gain: z.number().nullable() }))
      .describe("Best first; single checkpoints compete too."),
    gainCI: interval
      .nullable()
      .describe(
        "The winner's paired-bootstrap interval of its gain, as if it had not been picked (optimistic).",
      ),
    adjustedGainCI: adjustedGainSchema
      .nullable()
      .describe(
        "The headline interval: one that holds for the shown winner although the search picked it; null without a winner or a best single, or with fewer than two problems.",
      ),
    bootstrap: bootstrapSettingsSchema,
  })
  .meta({ id: "EnsembleSearchSummary" });

const passAtKCurveSchema = z
  .object({
    type: z.enum(["checkpoint", "ensemble"]),
    alpha: z.number().nullable(),
    kind: alphaKindSchema.nullable(),
    label: z.string(),
    members: z.array(memberSchema).optional(),
    points: z.array(
      z.object({
        k: z.number().int(),
        passAtK: z.number(),
        lower: z.number().optional(),
        upper: z.number().optional(),
      }),
    ),
  })
  .meta({ id: "PassAtKCurve" });

export const passAtKCurvesSchema = z
  .object({
    status: statisticsStatusSchema,
    version: versionSchema,
    experiment: z.string(),
    difficulty: z.enum(DIFFICULTY_SLICES),
    problems: z.number().int(),
    maxK: z.number().int(),
    bootstrap: versionBootstrapSchema.nullable(),
    curves: z.array(passAtKCurveSchema),
  })
  .meta({ id: "PassAtKCurves" });

export const scalingMatrixSchema = z
  .object({
    version: versionSchema,
    experiment: z.object({
      slug: z.string(),
      name: z.string(),
      synthetic: z.boolean(),
      endpoints: z.object({ a: z.string(), b: z.string() }),
    }),
    problems: z.array(
      z.object({ externalId: z.string(), title: z.string().nullable(), difficulty: z.enum(DIFFICULTIES) }),
    ),
    checkpoints: z.array(
      z.object({
        alpha: z.number(),
        label: z.string().nullable(),
        collapsedIn: z.array(z.enum(DIFFICULTY_SLICES)).describe("The slices this checkpoint collapsed on."),
        n: z.array(z.number().int()),
        pass: z.array(z.number().int()),
      }),
    ),
    clusters: clusterKeysSchema
      .optional()
      .describe(
        "How the ensembles' bootstraps resample problems: by these clusters, or one by one (null, the default; absent in snapshots pinned before clusters existed).",
      ),
  })
  .meta({ id: "ScalingMatrix" });
