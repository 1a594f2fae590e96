import { z } from "zod";
import { importStreamLineSchema } from "../../../contracts/importProgress";
import { importReportSchema } from "../../../contracts/importReportSchema";
import { IMPORT_PROGRESS_MEDIA_TYPE } from "../../../contracts/mediaTypes";
import { importFieldsSchema, importJsonBodySchema } from "../../imports/apiRequest";
import { errorResponses, jsonResponse, type RouteSpec, requires, WRITE_SECURITY } from "../routeSpec";

const filePart = z.string().meta({ contentMediaType: "application/octet-stream" });

/** The multipart form: the same fields (booleans as "true", "on" or "1") with the files as parts. */
const importFormSchema = importFieldsSchema
  .extend({
    file: z.union([filePart, z.array(filePart)]).meta({
      description: "A results file, or a manifest together with the files it names (one part each).",
    }),
    generation: filePart.optional().meta({
      description: "LiveCodeBench `_eval.json`: the matching `_eval_all.json` or generation file.",
    }),
  })
  .meta({ id: "ImportForm" });

export const importsRoute: RouteSpec = {
  path: "/api/imports",
  operations: {
    post: {
      operationId: "importResults",
      ...requires("editor"),
      tags: ["Import"],
      summary: "Import a results file, or a manifest with its files",
      description:
        "Like `alphascope import`: all or nothing, and `dryRun` validates and previews without writing. Only same-origin (or non-browser) requests from a client allowed to write: on loopback by default, or with `Authorization: Bearer <ALPHASCOPE_WRITE_TOKEN>` when the server sets one (docs/security.md).",
      security: WRITE_SECURITY,
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: importJsonBodySchema },
          "multipart/form-data": { schema: importFormSchema },
        },
      },
      responses: {
        "200": {
          description:
            "A dry run, or content already imported (status unchanged): nothing was written. Or, asked with `Accept: application/x-ndjson`, once the body is received: JSON lines of the import's progress (bytes read of each file), then one line with the status and body a plain request would have got.",
          content: {
            "application/json": { schema: importReportSchema },
            [IMPORT_PROGRESS_MEDIA_TYPE]: { schema: importStreamLineSchema },
          },
        },
        "201": jsonResponse("Imported.", importReportSchema),
        ...errorResponses({
          400: "A field is invalid or a file is missing: the message names it.",
          401: "The server requires a write token and none was sent.",
          403: "A cross-site request, a wrong token, or a client that may not write.",
          409: "The file contradicts stored data (import_conflict); details.issues locates each conflict.",
          413: "The body is over the import size limit.",
          415: "The body is neither multipart/form-data nor application/json.",
          422: "The file is invalid (invalid_import); details.issues gives file, line and field of each issue.",
          503: "The database cannot be reached; Retry-After says when to try again.",
        }),
      },
    },
  },
};
