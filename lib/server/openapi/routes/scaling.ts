import {
  ensembleEvaluationSchema,
  ensembleSearchSummarySchema,
  passAtKCurvesSchema,
} from "../../../contracts/scalingResponseSchemas";
import {
  ensembleRequestSchema,
  ensembleSearchRequestSchema,
  passAtKQuerySchema,
} from "../../../contracts/scalingSchemas";
import {
  conditionalRead,
  errorResponses,
  jsonResponse,
  OPEN_COMPUTATION,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
  SLUG_ERRORS,
  slugPath,
} from "../routeSpec";

export const passAtKRoute: RouteSpec = {
  path: "/api/experiments/{slug}/pass-at-k",
  operations: {
    get: {
      operationId: "getPassAtKCurves",
      ...requires("viewer"),
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
      ...requires("viewer"),
      security: OPEN_COMPUTATION,
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

export const ensembleSearchRoute: RouteSpec = {
  path: "/api/experiments/{slug}/ensembles/search",
  operations: {
    post: {
      operationId: "searchEnsembles",
      ...requires("viewer"),
      security: OPEN_COMPUTATION,
      tags: ["Scaling"],
      summary:
        "The best equal-split ensembles at a budget, with a selection-adjusted interval of the winner's gain",
      description:
        "Searches every ensemble of up to `maxMembers` checkpoints (greedily when that is too many; `approximation` says which), the budget K split equally. Beside the winner's raw paired-bootstrap interval (`gainCI`, optimistic: the same problems chose it) it reports `adjustedGainCI`, the headline interval of the same winner, which holds although the search picked it: simultaneous over every set the search could pick against every single checkpoint (`method` `simultaneous-bonferroni`, `comparisons`, `criticalValue`); when the winner is a single checkpoint, `pickedEnsemble` is false and `explanation` says so instead of an interval. Computed in a worker thread; the same document as `alphascope ensemble --search --json` and the scaling page's search. A same-origin (or non-browser) request; the body is JSON of at most 256 KiB.",
      requestParams: { path: slugPath },
      requestBody: {
        required: true,
        content: { "application/json": { schema: ensembleSearchRequestSchema } },
      },
      responses: {
        "200": jsonResponse(
          "The top ensembles, the best single and both intervals.",
          ensembleSearchSummarySchema,
        ),
        ...errorResponses({
          ...SLUG_ERRORS,
          400: "A field is invalid (the message names it), the slice has no problems, or no ensemble fits the budget.",
          403: "A cross-site request.",
          413: "The body is over 256 KiB.",
          415: "The body is not application/json.",
          503: "The database cannot be reached, the statistics are not stored yet, or every compute thread is busy; Retry-After says when to try again.",
        }),
      },
    },
  },
};
