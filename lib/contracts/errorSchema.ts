import { z } from "zod";

/** The single error shape of every API failure. */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      /** Machine-readable: not_found, bad_request, forbidden, too_large, database_unavailable, … */
      code: z.string(),
      message: z.string(),
      /** What went wrong where, when the code has more to say (invalid fields, located import issues). */
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "ApiError", description: "The one error body of every API failure." });

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
