import { z } from "zod";
import { claimsQuerySchema, claimsResponseSchema } from "../../../contracts/claimSchemas";
import { comparisonDataSchema } from "../../../contracts/compareResponseSchemas";
import { frontierDataSchema } from "../../../contracts/experimentSchemas";
import {
  ensembleEvaluationSchema,
  passAtKCurvesSchema,
  scalingMatrixSchema,
} from "../../../contracts/scalingResponseSchemas";
import { ensembleRequestSchema, passAtKQuerySchema } from "../../../contracts/scalingSchemas";
import { snapshotCreateSchema, snapshotIdSchema } from "../../../contracts/sharing";
import { snapshotCreatedSchema, snapshotSchema } from "../../../contracts/sharingResponseSchemas";
import { studyDetailSchema } from "../../../contracts/studies";
import {
  errorResponses,
  fileResponse,
  jsonBody,
  jsonResponse,
  OPEN_COMPUTATION,
  type Operation,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
  slugPath,
  WRITE_DESCRIPTION,
  WRITE_ERRORS,
  WRITE_SECURITY,
} from "../routeSpec";

const snapshotPath = z.object({
  id: snapshotIdSchema.meta({
    description: "The snapshot's id, as in its short link /s/<id>.",
    example: "Ab3_x-9Z",
  }),
});

const SNAPSHOT_ERRORS = { 404: "No snapshot has this id.", ...READ_UNAVAILABLE };

/** A GET of what a snapshot pins, in the shape of the live route it stands for. */
function pinnedRead(operationId: string, summary: string, schema: z.ZodType, query?: z.ZodObject): Operation {
  return {
    operationId,
    ...requires("viewer"),
    tags: ["Sharing"],
    summary,
    description:
      "The pinned numbers, in the live route's shape; 404 when the snapshot pins another page's data.",
    requestParams: { path: snapshotPath, ...(query && { query }) },
    responses: {
      "200": jsonResponse(summary, schema),
      ...errorResponses(
        query ? { 400: "A query parameter is invalid.", ...SNAPSHOT_ERRORS } : SNAPSHOT_ERRORS,
      ),
    },
  };
}

export const snapshotsRoute: RouteSpec = {
  path: "/api/snapshots",
  operations: {
    post: {
      operationId: "createSnapshot",
      ...requires("editor"),
      tags: ["Sharing"],
      summary: "Pin a view of an experiment, or of a study's grid, behind a short link",
      description: `The snapshot keeps the experiment's data (a study's: every experiment's frontier and claims) as of now, whatever is imported later. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestBody: jsonBody(snapshotCreateSchema),
      responses: {
        "201": jsonResponse("The snapshot's id, short link and pinned version.", snapshotCreatedSchema),
        ...errorResponses({
          400: "A field is invalid: the message names it.",
          404: "No experiment (or study with experiments) has this slug.",
          ...WRITE_ERRORS,
          429: "This client pinned too many snapshots in the last minute (ALPHASCOPE_SNAPSHOT_RATE); Retry-After says when to try again.",
          507: "All snapshots together would pass their quota (ALPHASCOPE_SNAPSHOT_QUOTA_MB): delete old ones.",
        }),
      },
    },
  },
};

export const snapshotRoute: RouteSpec = {
  path: "/api/snapshots/{id}",
  operations: {
    get: {
      operationId: "getSnapshot",
      ...requires("viewer"),
      tags: ["Sharing"],
      summary: "A pinned view with the data it was drawn from",
      requestParams: { path: snapshotPath },
      responses: {
        "200": jsonResponse("The snapshot.", snapshotSchema),
        ...errorResponses(SNAPSHOT_ERRORS),
      },
    },
    delete: {
      operationId: "deleteSnapshot",
      ...requires("editor"),
      tags: ["Sharing"],
      summary: "Delete a pinned snapshot; its short link then answers 404",
      description: `Whoever may write may delete any snapshot: alphascope has one write token, so every writer is an editor. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: snapshotPath },
      responses: {
        "204": { description: "Deleted." },
        ...errorResponses({ ...SNAPSHOT_ERRORS, ...WRITE_ERRORS }),
      },
    },
  },
};

export const snapshotFrontierRoute: RouteSpec = {
  path: "/api/snapshots/{id}/frontier",
  operations: {
    get: pinnedRead("getSnapshotFrontier", "The explorer's frontier as pinned", frontierDataSchema),
  },
};

/** A GET of claims a snapshot pinned, in the live claims route's shape; `notFound` says when it is a 404. */
function pinnedClaimsRead(
  operationId: string,
  summary: string,
  notFound: string,
  path: z.ZodObject,
): Operation {
  return {
    ...pinnedRead(operationId, summary, claimsResponseSchema, claimsQuerySchema),
    requestParams: { path, query: claimsQuerySchema },
    description: `The pinned claims, in the live route's shape: any slice and margin on the default axes, and the pinned view's slice on its own axes. 404 when ${notFound}, or for other axes.`,
  };
}

export const snapshotClaimsRoute: RouteSpec = {
  path: "/api/snapshots/{id}/claims",
  operations: {
    get: pinnedClaimsRead(
      "getSnapshotClaims",
      "The claims as the explorer snapshot pinned them",
      "the snapshot pins another page's data or was taken before snapshots pinned claims",
      snapshotPath,
    ),
  },
};

export const snapshotStudyRoute: RouteSpec = {
  path: "/api/snapshots/{id}/study",
  operations: {
    get: pinnedRead("getSnapshotStudy", "The study's grid as a study snapshot pinned it", studyDetailSchema),
  },
};

export const snapshotStudyFrontiersRoute: RouteSpec = {
  path: "/api/snapshots/{id}/frontiers",
  operations: {
    get: pinnedRead(
      "getSnapshotStudyFrontiers",
      "The study's frontiers as a study snapshot pinned them",
      comparisonDataSchema,
    ),
  },
};

export const snapshotStudyClaimsRoute: RouteSpec = {
  path: "/api/snapshots/{id}/experiments/{slug}/claims",
  operations: {
    get: pinnedClaimsRead(
      "getSnapshotStudyClaims",
      "One of a study snapshot's experiments' claims, as pinned",
      "the snapshot is not a study's or pins no such experiment",
      snapshotPath.extend(slugPath.shape),
    ),
  },
};

export const snapshotBundleRoute: RouteSpec = {
  path: "/api/snapshots/{id}/bundle",
  operations: {
    get: {
      operationId: "getSnapshotBundle",
      ...requires("viewer"),
      tags: ["Sharing"],
      summary: "A static copy of a pinned explorer view, as a zip",
      description:
        "One folder (index.html, data.js, viewer.js, viewer.css) that opens from disk or any static host with no server and no network: the explorer drawn from the pinned data, footnoted with its version and the snapshot's id. 404 when the snapshot pins the scaling page.",
      requestParams: { path: snapshotPath },
      responses: {
        "200": fileResponse("An attachment named after the experiment and the snapshot.", "application/zip"),
        ...errorResponses(SNAPSHOT_ERRORS),
      },
    },
  },
};

export const snapshotMatrixRoute: RouteSpec = {
  path: "/api/snapshots/{id}/matrix",
  operations: {
    get: pinnedRead("getSnapshotMatrix", "The scaling page's matrix as pinned", scalingMatrixSchema),
  },
};

export const snapshotPassAtKRoute: RouteSpec = {
  path: "/api/snapshots/{id}/pass-at-k",
  operations: {
    get: pinnedRead(
      "getSnapshotPassAtKCurves",
      "pass@k curves from the pinned data",
      passAtKCurvesSchema,
      passAtKQuerySchema,
    ),
  },
};

export const snapshotEnsemblesRoute: RouteSpec = {
  path: "/api/snapshots/{id}/ensembles",
  operations: {
    post: {
      operationId: "evaluateSnapshotEnsemble",
      ...requires("viewer"),
      security: OPEN_COMPUTATION,
      tags: ["Sharing"],
      summary: "pass@K of an ensemble, on the pinned matrix",
      description: "A read: a same-origin (or non-browser) request; the body is JSON of at most 256 KiB.",
      requestParams: { path: snapshotPath },
      requestBody: jsonBody(ensembleRequestSchema),
      responses: {
        "200": jsonResponse(
          "The ensemble's evaluation, as the live route answers.",
          ensembleEvaluationSchema,
        ),
        ...errorResponses({
          400: "A field is invalid: the message names it.",
          403: "A cross-site request.",
          413: "The body is over 256 KiB.",
          415: "The body is not application/json.",
          ...SNAPSHOT_ERRORS,
        }),
      },
    },
  },
};
