import { z } from "zod";
import { apiErrorBodySchema } from "./errorSchema";

const databaseHealthSchema = z.object({
  ok: z.boolean().describe("Whether the database answered the probe."),
  latencyMs: z.number().describe("The probe's round trip, ms."),
  ageMs: z
    .number()
    .describe(
      "How long ago the probe answered, ms: checks within 2 s of a probe share its answer while a new probe runs (at most one at a time).",
    ),
});

/** GET /api/health when the database answers. */
export const healthOkSchema = z
  .object({ status: z.literal("ok"), database: databaseHealthSchema })
  .meta({ id: "HealthOk" });

/** GET /api/health when it does not: the status with the API's error alongside. */
export const healthDegradedSchema = apiErrorBodySchema
  .extend({ status: z.literal("degraded"), database: databaseHealthSchema })
  .meta({ id: "HealthDegraded" });
