import { ensembleEvaluationSchema, passAtKCurvesSchema } from "../../../api/scalingResponseSchemas";
import { ensembleRequestSchema, passAtKQuerySchema } from "../../../api/scalingSchemas";
import {
  conditionalRead,
  errorResponses,
  jsonResponse,
  READ_UNAVAILABLE,
  type RouteSpec,
  SLUG_ERRORS,
  slugPath,
} from "../routeSpec";

export const passAtKRoute: RouteSpec = {
  path: "/api/experiments/{slug}/pass-at-k",
  operations: {
    get: {
      operationId: "getPassAtKCurves",
      tags: ["Scaling"],
      summary: "pass@k curves of checkpoints and of an ensemble",
      requestParams: { path: slugPath, query: passAtKQuerySchema, header: conditionalRead.header },
      responses: {
        "200": jsonResponse(
          "The curves, with bootstrap bands when asked for.",
          passAtKCurvesSchema,
          conditionalRead.headers,
        ),
        ...conditionalRead.notModified,
        ...errorResponses({ ...SLUG_ERRORS, ...READ_UNAVAILABLE }),
      },
    },
  },
};

export const ensemblesRoute: RouteSpec = {
  path: "/api/experiments/{slug}/ensembles",
  operations: {
    post: {
      operationId: "evaluateEnsemble",
      tags: ["Scaling"],
      summary: "pass@K of an ensemble of checkpoints against the best single checkpoint",
      description: "A same-origin (or non-browser) request; the body is JSON of at most 256 KiB.",
      requestParams: { path: slugPath },
      requestBody: { required: true, content: { "application/json": { schema: ensembleRequestSchema } } },
      responses: {
        "200": jsonResponse(
          "The ensemble's pass@K, the best single's and the gain with its interval.",
          ensembleEvaluationSchema,
        ),
        ...errorResponses({
          ...SLUG_ERRORS,
          403: "A cross-site request.",
          413: "The body is over 256 KiB.",
          415: "The body is not application/json.",
          ...READ_UNAVAILABLE,
        }),
      },
    },
  },
};
