import { z } from "zod";
import { DIFFICULTIES } from "../domain/difficulty";
import { alphaKindSchema, clusterKeysSchema, verdictCountsSchema, versionSchema } from "./experimentSchemas";

// Wire shapes of the problem reads; their types are declared in lib/contracts/problemTypes.ts and proved
// equal to these schemas by tests/unit/contracts/wireSchemas.test.ts.

const problemMetadataShape = {
  id: z.string().describe("The benchmark's own problem id."),
  title: z.string().nullable(),
  difficulty: z.enum(DIFFICULTIES),
  platform: z.string().nullable(),
};

export const problemCountsSchema = z
  .object({
    version: versionSchema,
    experiment: z.string(),
    alphas: z.array(z.number()).describe("Evaluated α, ascending."),
    problems: z.array(
      z
        .object({
          ...problemMetadataShape,
          n: z.array(z.number().int()).describe("Samples at alphas[i] (0 where not evaluated)."),
          pass: z.array(z.number().int()).describe("Passing samples at alphas[i]."),
        })
        .meta({ id: "ProblemCountsEntry" }),
    ),
    clusters: clusterKeysSchema,
  })
  .meta({ id: "ProblemCounts" });

const problemAtAlphaSchema = z.object({ n: z.number().int(), pass: z.number().int() });

export const problemChangesPageSchema = z
  .object({
    version: versionSchema,
    total: z.number().int().describe("Problems evaluated at both α in the slice (every page of them)."),
    summary: z
      .object({
        gained: z.number().int().describe("Problems with Δ > 0."),
        lost: z.number().int().describe("Problems with Δ < 0."),
        unchanged: z.number().int(),
        gainedDiscoveries: z.number().int().describe("Problems with Δ > 0 and q < 0.1."),
        lostDiscoveries: z.number().int().describe("Problems with Δ < 0 and q < 0.1."),
      })
      .meta({ id: "ProblemChangeSummary" }),
    power: z
      .object({
        level: z.number().describe("Two-sided level of the test (0.05)."),
        power: z.number().describe("Power the figures are at (0.8)."),
        problems: z.number().int().describe("Problems of the slice evaluated at both α."),
        samplesNow: z.number().describe("Mean samples per problem per side now."),
        clusters: z
          .number()
          .int()
          .nullable()
          .describe(
            "The clusters the standard error is over (cluster-robust) when the experiment resamples by cluster; null when problems count one by one.",
          ),
        minimumDetectableEffect: z
          .number()
          .nullable()
          .describe(
            "Smallest true change in mean pass rate (a fraction) the paired test detects at this level and power with these problems and samples; null with fewer than two problems.",
          ),
        detect: z.number().describe("The change asked about (a fraction; query `detect` in points)."),
        samplesPerProblem: z
          .number()
          .int()
          .nullable()
          .describe(
            "Samples per problem per side that would detect `detect`; null when no number would (the true per-problem changes alone vary too much: more problems are needed) or with fewer than two problems.",
          ),
      })
      .meta({ id: "ComparisonPower" })
      .describe(
        "Minimum detectable effect at 80 % power and the samples needed for `detect` (docs/science.md).",
      ),
    problems: z.array(
      z
        .object({
          id: z.string(),
          title: z.string().nullable(),
          difficulty: z.enum(DIFFICULTIES),
          from: problemAtAlphaSchema,
          to: problemAtAlphaSchema,
          delta: z.number().describe("pass/n at `to` − pass/n at `from`."),
          shrunkDelta: z
            .number()
            .describe(
              "Δ shrunk toward 0 by beta-binomial empirical Bayes over the listed problems (docs/science.md).",
            ),
          p: z.number().describe("Two-sided Fisher's exact p-value of the two α's pass/fail counts."),
          q: z.number().describe("Benjamini–Hochberg q-value over the listed problems (every page of them)."),
        })
        .meta({ id: "ProblemChangeRow" }),
    ),
  })
  .meta({ id: "ProblemChangesPage" });

export const problemDetailSchema = z
  .object({
    ...problemMetadataShape,
    version: versionSchema,
    experiment: z.string(),
    contestDate: z.string().nullable().describe("ISO date (YYYY-MM-DD) of the contest, when known."),
    checkpoints: z.array(
      z
        .object({
          alpha: z.number(),
          kind: alphaKindSchema,
          label: z.string().nullable(),
          n: z.number().int(),
          verdicts: verdictCountsSchema,
          passAtK: z.array(z.object({ k: z.number().int(), value: z.number() })),
          runtime: z
            .object({
              samples: z.number().int(),
              meanMs: z.number(),
              minMs: z.number().nullable(),
              maxMs: z.number().nullable(),
            })
            .nullable()
            .describe("Runtime of the passing samples; null when none is known."),
          dpsNorm: z.number().nullable().describe("EvalPerf's normalised DPS, when imported."),
        })
        .meta({ id: "ProblemCheckpoint" }),
    ),
  })
  .meta({ id: "ProblemDetail" });
