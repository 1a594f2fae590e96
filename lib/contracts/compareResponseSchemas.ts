import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { frontierDataSchema } from "./experimentSchemas";

// Wire shape of GET /api/compare; its type is declared in lib/contracts/compareTypes.ts and proved equal
// to this schema by tests/unit/contracts/wireSchemas.test.ts.

const problemSetOverlapSchema = z
  .object({
    sizes: z
      .array(z.number().int())
      .describe("Problems of each experiment in the slice, in the order asked."),
    shared: z.number().int().describe("Problem ids every experiment has."),
    union: z.number().int().describe("Problem ids at least one experiment has."),
  })
  .meta({ id: "ProblemSetOverlap" });

export const comparisonDataSchema = z
  .object({
    experiments: z
      .array(frontierDataSchema)
      .describe("What GET /api/experiments/{slug}/frontier answers for each, in the order asked."),
    sameBenchmark: z.boolean(),
    problems: z.object(
      Object.fromEntries(DIFFICULTY_SLICES.map((slice) => [slice, problemSetOverlapSchema])) as Record<
        (typeof DIFFICULTY_SLICES)[number],
        typeof problemSetOverlapSchema
      >,
    ),
  })
  .meta({ id: "ComparisonData" });
