import { z } from "zod";
import { apiErrorBodySchema } from "./errorSchema";
import { importReportSchema } from "./importReportSchema";

/**
 * POST /api/imports asked with `Accept: application/x-ndjson`: once the upload is received the
 * answer is 200 and a stream of JSON lines, progress lines while the server reads the files, then
 * one outcome line with the status and body a plain request would have got.
 */
export const importProgressLineSchema = z
  .object({
    progress: z.object({
      file: z.string().meta({ description: "The file being read." }),
      read: z.number().int().nonnegative().meta({ description: "Bytes of it read so far." }),
      total: z.number().int().nonnegative().meta({ description: "Its size in bytes." }),
    }),
  })
  .meta({ id: "ImportProgressLine" });

export const importOutcomeLineSchema = z
  .object({
    status: z.number().int().meta({ description: "The HTTP status a plain request would have got." }),
    body: z.union([importReportSchema, apiErrorBodySchema]),
  })
  .meta({ id: "ImportOutcomeLine" });

export const importStreamLineSchema = z.union([importProgressLineSchema, importOutcomeLineSchema]);

export type ImportStreamLine = z.infer<typeof importStreamLineSchema>;
