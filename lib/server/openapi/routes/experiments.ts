import { z } from "zod";
import {
  experimentDetailSchema,
  experimentListItemSchema,
  frontierDataSchema,
} from "../../../api/experimentSchemas";
import { scalingMatrixSchema } from "../../../api/scalingResponseSchemas";
import {
  conditionalRead,
  errorResponses,
  jsonResponse,
  type Operation,
  READ_UNAVAILABLE,
  type RouteSpec,
  SLUG_ERRORS,
  slugPath,
} from "../routeSpec";

export const experimentListRoute: RouteSpec = {
  path: "/api/experiments",
  operations: {
    get: {
      operationId: "listExperiments",
      tags: ["Experiments"],
      summary: "Every experiment, most recently updated first",
      requestParams: { header: conditionalRead.header },
      responses: {
        "200": jsonResponse("The experiments.", z.array(experimentListItemSchema), conditionalRead.headers),
        ...conditionalRead.notModified,
        ...errorResponses(READ_UNAVAILABLE),
      },
    },
  },
};

/** A GET of one stored read of an experiment's current version (detail, frontier, matrix). */
function storedRead(operationId: string, summary: string, description: string, schema: z.ZodType): Operation {
  return {
    operationId,
    tags: ["Experiments"],
    summary,
    description,
    requestParams: { path: slugPath, header: conditionalRead.header },
    responses: {
      "200": jsonResponse(summary, schema, conditionalRead.headers),
      ...conditionalRead.notModified,
      ...errorResponses({ ...SLUG_ERRORS, ...READ_UNAVAILABLE }),
    },
  };
}

export const experimentDetailRoute: RouteSpec = {
  path: "/api/experiments/{slug}",
  operations: {
    get: storedRead(
      "getExperiment",
      "An experiment's per-checkpoint scores",
      "Verdict counts and shares, solve rate, correctness, efficiency, mean pass runtime and pass@k of every checkpoint, over all problems and per difficulty.",
      experimentDetailSchema,
    ),
  },
};

export const frontierRoute: RouteSpec = {
  path: "/api/experiments/{slug}/frontier",
  operations: {
    get: storedRead(
      "getFrontier",
      "Every metric of every checkpoint with its 95% interval, per difficulty slice",
      'The explorer\'s data. `status` is "computing" (bounds null) while a worker computes the intervals of a new version.',
      frontierDataSchema,
    ),
  },
};

export const matrixRoute: RouteSpec = {
  path: "/api/experiments/{slug}/matrix",
  operations: {
    get: storedRead(
      "getMatrix",
      "Per-problem sample and pass counts of every checkpoint",
      "Column-wise: entry i of each checkpoint's n and pass belongs to problem i.",
      scalingMatrixSchema,
    ),
  },
};
