import { z } from "zod";
import { claimsQuerySchema, claimsResponseSchema } from "../../../contracts/claimSchemas";
import { experimentListQuerySchema, experimentPageSchema } from "../../../contracts/experimentListQuery";
import {
  experimentChangedSchema,
  experimentDetailSchema,
  experimentListItemSchema,
  experimentRestoredSchema,
  experimentTrashedSchema,
  frontierDataSchema,
} from "../../../contracts/experimentSchemas";
import { scalingMatrixSchema } from "../../../contracts/scalingResponseSchemas";
import { frontierQuerySchema } from "../../../contracts/schemas";
import {
  experimentVersionListSchema,
  versionIdSchema,
  versionQuerySchema,
  versionRestoredSchema,
} from "../../../contracts/versions";
import { experimentMetadataPatchSchema } from "../../../formats/experimentMetadata";
import {
  conditionalRead,
  errorResponses,
  jsonBody,
  jsonResponse,
  type Operation,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
  SLUG_ERRORS,
  slugPath,
  WRITE_DESCRIPTION,
  WRITE_ERRORS,
  WRITE_SECURITY,
} from "../routeSpec";

export const experimentListRoute: RouteSpec = {
  path: "/api/experiments",
  operations: {
    get: {
      operationId: "listExperiments",
      // Anyone may ask: the answer holds only what the caller may read (public ones when anonymous).
      ...requires("public"),
      tags: ["Experiments"],
      summary: "Every experiment, most recently updated first; or a filtered, sorted page of them",
      description:
        "Without parameters: every experiment, as an array (with an ETag). With a filter or `sort`: the matching experiments, as an array. With `limit`: one page `{total, offset, items, nextCursor, previousCursor}`; pass `nextCursor` as `cursor` for the next one, `previousCursor` for the previous one (null when that is the first: omit `cursor`). The rows of these answers also carry `modelScale`, `modelFamily` and the frontier's `thumbnail` (null until the statistics worker stored it).",
      requestParams: {
        header: conditionalRead.header,
        query: experimentListQuerySchema.extend({
          q: experimentListQuerySchema.shape.q.meta({
            description: "Substring (any case) of the name, slug, benchmark or a model reference.",
          }),
          benchmark: experimentListQuerySchema.shape.benchmark.meta({ description: "Exact benchmark." }),
          scale: experimentListQuerySchema.shape.scale.meta({ description: "Exact model scale." }),
          family: experimentListQuerySchema.shape.family.meta({ description: "Exact model family." }),
          study: experimentListQuerySchema.shape.study.meta({ description: "Slug of a study." }),
          order: experimentListQuerySchema.shape.order.meta({
            description: "Default: desc for `updated`, asc otherwise.",
          }),
          limit: experimentListQuerySchema.shape.limit.meta({ description: "Page size: answers a page." }),
          cursor: experimentListQuerySchema.shape.cursor.meta({
            description: "Where the page starts: a `nextCursor` or `previousCursor` this server returned.",
          }),
        }),
      },
      responses: {
        "200": jsonResponse(
          "The experiments (an array), or one page of them (with `limit`).",
          z.union([z.array(experimentListItemSchema), experimentPageSchema]),
          conditionalRead.headers,
        ),
        ...conditionalRead.notModified,
        ...errorResponses({ 400: "A query parameter is invalid (named in the error).", ...READ_UNAVAILABLE }),
      },
    },
  },
};

/** The 404 of a read that takes `?version=`. */
export const VERSIONED_NOT_FOUND =
  "No live experiment with this slug (or the caller may not read it), or it has no version with the `version` id.";

/** What a stored read takes besides the slug, and what its 404 means when more than the slug. */
interface StoredReadOptions {
  query?: z.ZodObject;
  /** Whether `?version=` opens an old version (storedReadRoute's reads, the frontier). */
  versioned?: boolean;
  path?: z.ZodObject;
  notFound?: string;
}

/** A GET of one stored read of an experiment's current version (detail, frontier, matrix, problems). */
export function storedRead(
  operationId: string,
  summary: string,
  description: string,
  schema: z.ZodType,
  { query: given, path = slugPath, notFound = SLUG_ERRORS[404], versioned = false }: StoredReadOptions = {},
): Operation {
  const query = versioned ? (given ?? z.object({})).extend(versionQuerySchema.shape) : given;
  return {
    operationId,
    ...requires("viewer"),
    tags: ["Experiments"],
    summary,
    description,
    requestParams: { path, header: conditionalRead.header, ...(query && { query }) },
    responses: {
      "200": jsonResponse(summary, schema, conditionalRead.headers),
      ...conditionalRead.notModified,
      ...errorResponses({ ...SLUG_ERRORS, 404: notFound, ...READ_UNAVAILABLE }),
    },
  };
}

/** Errors of a write without a body (delete, restore). */
const BODILESS_WRITE_ERRORS = {
  401: WRITE_ERRORS[401],
  403: WRITE_ERRORS[403],
  503: WRITE_ERRORS[503],
};

export const experimentDetailRoute: RouteSpec = {
  path: "/api/experiments/{slug}",
  operations: {
    get: storedRead(
      "getExperiment",
      "An experiment's per-checkpoint scores",
      "Verdict counts and shares, solve rate, correctness, efficiency, mean pass runtime and pass@k of every checkpoint, over all problems and per difficulty.",
      experimentDetailSchema,
      { versioned: true, notFound: VERSIONED_NOT_FOUND },
    ),
    patch: {
      operationId: "changeExperimentMetadata",
      ...requires("editor"),
      tags: ["Experiments"],
      summary: "Change an experiment's metadata",
      description: `Name, description, benchmark, setting, model family and scale, endpoint labels and models, and the cluster option (\`clusterBy\`: how the bootstrap resamples problems; a change recomputes every interval): the fields sent change, the others stay. A new benchmark moves the results onto that benchmark's problems. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      requestBody: jsonBody(experimentMetadataPatchSchema),
      responses: {
        "200": jsonResponse("The experiment's new header, with its new version.", experimentChangedSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          400: "The slug or a field is invalid, or the body changes nothing: the message names it.",
          409: "The new benchmark conflicts with stored data.",
          ...WRITE_ERRORS,
        }),
      },
    },
    delete: {
      operationId: "deleteExperiment",
      ...requires("editor"),
      tags: ["Experiments"],
      summary: "Move an experiment to the trash",
      description: `Every read stops showing it and its slug stays reserved (an import into it is refused with 409) until it is restored (POST /api/experiments/{slug}/restore) or purged for good, ALPHASCOPE_TRASH_DAYS (default 30) days later. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      responses: {
        "200": jsonResponse("The experiment is in the trash until purgeAfter.", experimentTrashedSchema),
        ...errorResponses({ ...SLUG_ERRORS, ...BODILESS_WRITE_ERRORS }),
      },
    },
  },
};

export const experimentVersionsRoute: RouteSpec = {
  path: "/api/experiments/{slug}/versions",
  operations: {
    get: {
      operationId: "listExperimentVersions",
      ...requires("viewer"),
      tags: ["Experiments"],
      summary: "An experiment's versions, newest first",
      description:
        "Every import that changed the experiment, every metadata change and every version restore made a version: who made it, when, and which checkpoints (α ones by α, trained ones by label) it added, replaced (the replaced checkpoint is kept for the older versions) or removed. Any version opens read-only with `?version=<id>` on the experiment's reads, until the purge job deletes the checkpoints it alone holds (ALPHASCOPE_TRASH_DAYS after they were replaced).",
      requestParams: { path: slugPath },
      responses: {
        "200": jsonResponse("The versions, newest first.", experimentVersionListSchema),
        ...errorResponses({ ...SLUG_ERRORS, ...READ_UNAVAILABLE }),
      },
    },
  },
};

export const experimentVersionFrontierRoute: RouteSpec = {
  path: "/api/experiments/{slug}/versions/{id}/frontier",
  operations: {
    get: storedRead(
      "getVersionFrontier",
      "One version's frontier, read-only",
      "The same answer as GET /api/experiments/{slug}/frontier?version={id}: the frontier that version served, byte for byte (the explorer page of an old version reads it from here).",
      frontierDataSchema,
      {
        path: slugPath.extend({ id: versionIdSchema.meta({ description: "The version's id.", example: 1 }) }),
        query: frontierQuerySchema.omit({ version: true }),
        notFound:
          "No live experiment with this slug (or the caller may not read it), or it has no version with this id.",
      },
    ),
  },
};

export const experimentVersionRestoreRoute: RouteSpec = {
  path: "/api/experiments/{slug}/versions/{id}/restore",
  operations: {
    post: {
      operationId: "restoreExperimentVersion",
      ...requires("editor"),
      tags: ["Experiments"],
      summary: "Make an old version current again",
      description: `Its checkpoints become the live ones again, as a new version (listed with what changed, and audited); the checkpoints it leaves out are retired, not deleted, so the version before the restore can be restored in turn. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: {
        path: slugPath.extend({ id: versionIdSchema.meta({ description: "The version's id.", example: 1 }) }),
      },
      responses: {
        "200": jsonResponse("The version's checkpoints are live again.", versionRestoredSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          404: "No live experiment with this slug (or the caller may not read it), or it has no version with this id.",
          409: "The version is already the current one, or checkpoints it held were purged.",
          ...BODILESS_WRITE_ERRORS,
        }),
      },
    },
  },
};

export const experimentRestoreRoute: RouteSpec = {
  path: "/api/experiments/{slug}/restore",
  operations: {
    post: {
      operationId: "restoreExperiment",
      ...requires("admin"),
      tags: ["Experiments"],
      summary: "Bring a deleted experiment back from the trash",
      description: `The experiment comes back as it was deleted: same version, results and statistics. ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      responses: {
        "200": jsonResponse("The experiment is back.", experimentRestoredSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          404: "No experiment with this slug is in the trash.",
          ...BODILESS_WRITE_ERRORS,
        }),
      },
    },
  },
};

export const frontierRoute: RouteSpec = {
  path: "/api/experiments/{slug}/frontier",
  operations: {
    get: storedRead(
      "getFrontier",
      "Every metric of every checkpoint with its 95% interval, per difficulty slice",
      "The explorer's data. `status` is \"computing\" (bounds null) while a worker computes the intervals of a new version. `x` and `y` choose the axes of each slice's Pareto set; `collapsed=include` lets collapsed checkpoints compete in it. Every metric carries its paired change against each endpoint (`deltaA`, `deltaB`) and 97.5% bounds (`lowerJoint`, `upperJoint`); each point its `pNonDominated` (default axes only; null for others). `bootstrap` gives the version's one setting (2 000 resamples, one seed).",
      frontierDataSchema,
      {
        query: frontierQuerySchema.extend({
          x: frontierQuerySchema.shape.x.meta({
            description: "Metric id of the Pareto set's x axis (see /glossary).",
          }),
          y: frontierQuerySchema.shape.y.meta({ description: "Metric id of the Pareto set's y axis." }),
          collapsed: frontierQuerySchema.shape.collapsed.meta({
            description: "`include` lets collapsed checkpoints compete in the Pareto set.",
          }),
        }),
        versioned: true,
        notFound: VERSIONED_NOT_FOUND,
      },
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
      { versioned: true, notFound: VERSIONED_NOT_FOUND },
    ),
  },
};

export const claimsRoute: RouteSpec = {
  path: "/api/experiments/{slug}/claims",
  operations: {
    get: {
      operationId: "getClaims",
      ...requires("viewer"),
      tags: ["Experiments"],
      summary:
        "The research's claims tested on one difficulty slice, each with its estimate, interval and verdict",
      description:
        'tradeoff-time-limit, tradeoff-wrong-answer, flat-solve-rate (TOST at `margin`), extrapolation-extends (hypervolume gain on `x`, `y`), complementary-problems, ensemble-gain and retraces (trained checkpoints against the interpolation path on `x`, `y`, an equivalence test at 10 % of the A–B distance), from the version\'s seeded paired bootstrap over problems (docs/science.md, "Claims tested on the data"). A claim whose data is missing is absent (retraces without trained checkpoints). On other axes than the defaults, extrapolation-extends and retraces are computed in a compute thread (503 `busy` when every thread is taken).',
      requestParams: {
        path: slugPath,
        header: conditionalRead.header,
        query: claimsQuerySchema.safeExtend({
          difficulty: claimsQuerySchema.shape.difficulty.meta({ description: "The difficulty slice." }),
          margin: claimsQuerySchema.shape.margin.meta({
            description: "flat-solve-rate's equivalence margin in percentage points (default 2).",
          }),
          x: claimsQuerySchema.shape.x.meta({ description: "Metric id of the hypervolume's x axis." }),
          y: claimsQuerySchema.shape.y.meta({
            description: "Metric id of the hypervolume's y axis (not x).",
          }),
        }),
      },
      responses: {
        "200": jsonResponse("The claims of the slice.", claimsResponseSchema, conditionalRead.headers),
        ...conditionalRead.notModified,
        ...errorResponses({
          ...SLUG_ERRORS,
          400: "The slug or a query parameter is invalid: the message names it.",
          409: "The experiment was re-imported while claims on other axes were computed; ask again.",
          ...READ_UNAVAILABLE,
        }),
      },
    },
  },
};
