import { z } from "zod";
import { VERDICTS } from "../domain/verdicts";

// The report of POST /api/imports (and `alphascope import --json`). Its types are declared in
// lib/import/report.ts; tests/unit/contracts/wireSchemas.test.ts proves them equal to this schema.

const verdictCountsSchema = z.object(
  Object.fromEntries(VERDICTS.map((v) => [v, z.number().int()])) as Record<
    (typeof VERDICTS)[number],
    z.ZodNumber
  >,
);

const resultTotalsSchema = z.object({
  problems: z.number().int(),
  samples: z.number().int(),
  verdicts: verdictCountsSchema,
  passAt1: z.number(),
});

const checkpointReportSchema = z.object({
  alpha: z.number().nullable().describe("The checkpoint's α; null for a trained checkpoint."),
  trained: z.string().nullable().describe("A trained checkpoint's label; null for an α checkpoint."),
  created: z.boolean(),
  status: z.enum(["imported", "unchanged"]),
  problems: z.number().int(),
  samples: z.number().int(),
  verdicts: verdictCountsSchema,
  passAt1: z.number(),
  byDifficulty: z.object({
    easy: resultTotalsSchema.optional(),
    medium: resultTotalsSchema.optional(),
    hard: resultTotalsSchema.optional(),
    unknown: resultTotalsSchema.optional(),
  }),
  inserted: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
});

export const importReportSchema = z
  .object({
    dryRun: z.boolean().describe("True when nothing was written: the import was validated and rolled back."),
    status: z.enum(["imported", "unchanged"]),
    experiment: z.object({ slug: z.string(), name: z.string(), created: z.boolean() }),
    files: z.array(
      z.object({
        file: z.string(),
        format: z.string(),
        contentHash: z.string(),
        notes: z.array(z.string()),
        checkpoints: z.array(checkpointReportSchema),
      }),
    ),
    totals: z.object({
      problems: z.number().int(),
      samples: z.number().int(),
      verdicts: verdictCountsSchema,
      rows: z.number().int(),
      inserted: z.number().int(),
      replaced: z.number().int(),
      unchanged: z.number().int(),
    }),
  })
  .meta({ id: "ImportReport" });
