import { z } from "zod";
import { apiErrorBodySchema } from "./errorSchema";

const databaseHealthSchema = z.object({ ok: z.boolean(), latencyMs: z.number() });

/** GET /api/health when the database answers. */
export const healthOkSchema = z
  .object({ status: z.literal("ok"), database: databaseHealthSchema })
  .meta({ id: "HealthOk" });

/** GET /api/health when it does not: the status with the API's error alongside. */
export const healthDegradedSchema = apiErrorBodySchema
  .extend({ status: z.literal("degraded"), database: databaseHealthSchema })
  .meta({ id: "HealthDegraded" });
