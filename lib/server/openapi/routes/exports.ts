import type { z } from "zod";
import {
  exportCsvQuerySchema,
  mergekitQuerySchema,
  previewQuerySchema,
} from "../../../contracts/exportSchemas";
import {
  conditionalRead,
  errorResponses,
  fileResponse,
  type Operation,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
  SLUG_ERRORS,
  slugPath,
} from "../routeSpec";

/** A GET of a file derived from the stored frontier (ETag: the frontier's and the parameters). */
function derivedFile(
  operationId: string,
  summary: string,
  description: string,
  query: z.ZodObject,
  mediaType: string,
): Operation {
  return {
    operationId,
    ...requires("viewer"),
    tags: ["Export"],
    summary,
    description,
    requestParams: { path: slugPath, query, header: conditionalRead.header },
    responses: {
      "200": fileResponse(summary, mediaType, conditionalRead.headers),
      ...conditionalRead.notModified,
      ...errorResponses({ ...SLUG_ERRORS, ...READ_UNAVAILABLE }),
    },
  };
}

export const exportCsvRoute: RouteSpec = {
  path: "/api/experiments/{slug}/export.csv",
  operations: {
    get: derivedFile(
      "exportFrontierCsv",
      "One row per checkpoint of a difficulty slice with every metric and its interval",
      "An attachment named after the experiment, slice and version.",
      exportCsvQuerySchema,
      "text/csv",
    ),
  },
};

export const mergekitRoute: RouteSpec = {
  path: "/api/experiments/{slug}/mergekit",
  operations: {
    get: derivedFile(
      "getMergekitRecipe",
      "A mergekit `linear` config that builds the model at α from the endpoint models",
      "YAML; the endpoint models are the experiment's model references where set.",
      mergekitQuerySchema,
      "text/yaml",
    ),
  },
};

export const previewRoute: RouteSpec = {
  path: "/api/experiments/{slug}/preview.png",
  operations: {
    get: derivedFile(
      "getPreviewImage",
      "The link-preview image of a view",
      "The frontier with a marker at each α of `members` (the explorer's α when absent) and the slice's trained checkpoints as labelled diamonds apart from the α path. The slice, axes and scales are read from the other query parameters as the explorer reads its own URL (e.g. `x`, `y`, `alpha`), defaults for what is absent. Rendered in a thread of its own: 503 `busy` while its queue is full.",
      previewQuerySchema,
      "image/png",
    ),
  },
};
