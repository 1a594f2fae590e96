import { type CreateDocumentOptions, createDocument, type oas31 } from "zod-openapi";
import type { RouteSpec } from "./routeSpec";
import { tokenRoute, tokensRoute, userRoute, usersRoute } from "./routes/accounts";
import { auditRoute } from "./routes/audit";
import {
  authMeRoute,
  signInCallbackRoute,
  signInRoute,
  signOutRoute,
  tokenSignInRoute,
  writeSessionRoute,
} from "./routes/auth";
import { compareRoute } from "./routes/compare";
import {
  claimsRoute,
  experimentDetailRoute,
  experimentListRoute,
  experimentRestoreRoute,
  experimentVersionFrontierRoute,
  experimentVersionRestoreRoute,
  experimentVersionsRoute,
  frontierRoute,
  matrixRoute,
} from "./routes/experiments";
import { exportCsvRoute, mergekitRoute, previewRoute } from "./routes/exports";
import { healthRoute } from "./routes/health";
import { importsRoute } from "./routes/imports";
import { openApiRoute } from "./routes/openapi";
import { problemChangesRoute, problemCountsRoute, problemDetailRoute } from "./routes/problems";
import { ensembleSearchRoute, ensemblesRoute, passAtKRoute } from "./routes/scaling";
import { sharesRoute } from "./routes/shares";
import {
  snapshotBundleRoute,
  snapshotClaimsRoute,
  snapshotEnsemblesRoute,
  snapshotFrontierRoute,
  snapshotMatrixRoute,
  snapshotPassAtKRoute,
  snapshotRoute,
  snapshotStudyClaimsRoute,
  snapshotStudyFrontiersRoute,
  snapshotStudyRoute,
  snapshotsRoute,
} from "./routes/snapshots";
import { studyFrontiersRoute, studyListRoute, studyRoute } from "./routes/studies";
import { savedViewOrderRoute, savedViewRoute, savedViewsRoute } from "./routes/views";

/**
 * Every API route's entry: a new route adds its RouteSpec here (tests/unit/api/openApiCoverage
 * fails while a route.ts under app/api has none, and the contract test calls each one).
 */
export const ROUTE_SPECS: readonly RouteSpec[] = [
  healthRoute,
  openApiRoute,
  experimentListRoute,
  experimentDetailRoute,
  experimentRestoreRoute,
  experimentVersionsRoute,
  experimentVersionFrontierRoute,
  experimentVersionRestoreRoute,
  frontierRoute,
  claimsRoute,
  matrixRoute,
  problemCountsRoute,
  problemChangesRoute,
  problemDetailRoute,
  compareRoute,
  studyListRoute,
  studyRoute,
  studyFrontiersRoute,
  passAtKRoute,
  ensemblesRoute,
  ensembleSearchRoute,
  exportCsvRoute,
  mergekitRoute,
  previewRoute,
  snapshotsRoute,
  snapshotRoute,
  snapshotFrontierRoute,
  snapshotClaimsRoute,
  snapshotMatrixRoute,
  snapshotPassAtKRoute,
  snapshotBundleRoute,
  snapshotEnsemblesRoute,
  snapshotStudyRoute,
  snapshotStudyFrontiersRoute,
  snapshotStudyClaimsRoute,
  savedViewsRoute,
  savedViewRoute,
  savedViewOrderRoute,
  sharesRoute,
  importsRoute,
  auditRoute,
  authMeRoute,
  signInRoute,
  signInCallbackRoute,
  signOutRoute,
  tokenSignInRoute,
  writeSessionRoute,
  tokensRoute,
  tokenRoute,
  usersRoute,
  userRoute,
];

export type OpenApiDocument = oas31.OpenAPIObject;

let built: OpenApiDocument | null = null;

/** The OpenAPI 3.1 document of the API, generated from the routes' zod schemas (built once). */
export function openApiDocument(): OpenApiDocument {
  built ??= createDocument(
    {
      openapi: "3.1.0",
      // Relative: the document describes the server that serves it, wherever that is.
      servers: [{ url: "/", description: "The server this document was fetched from." }],
      info: {
        title: "alphascope API",
        version: "1",
        // The package grants no licence (package.json: "private": true, "license": "UNLICENSED").
        license: { name: "UNLICENSED" },
        description:
          "Read the experiments, frontiers, pass@k curves and per-problem counts alphascope serves, compare experiments, export them, evaluate ensembles, pin snapshots, keep saved views, change an experiment's metadata and import results. Every failure answers with the one error shape (ApiError). Under a burst, any operation but the health check and imports may answer 503 `busy` with Retry-After (more requests wait for their turn than the server queues). Metric ids are defined at /glossary.",
      },
      tags: [
        {
          name: "Experiments",
          description: "Stored reads of an experiment's current version (ETag: the version).",
        },
        {
          name: "Studies",
          description: "Groups of experiments drawn as one grid (settings × model scales).",
        },
        { name: "Scaling", description: "pass@k curves and ensembles." },
        {
          name: "Export",
          description: "Files derived from the stored frontier: CSV, mergekit recipe, preview image.",
        },
        { name: "Sharing", description: "Snapshots behind short links, and saved views (the review deck)." },
        { name: "Import", description: "Writing results." },
        { name: "Server", description: "Health, this document and the audit trail." },
        {
          name: "Accounts",
          description: "A team server's users and personal tokens (ALPHASCOPE_AUTH; docs/security.md).",
        },
        { name: "Sign-in", description: "Sessions of a team server (ALPHASCOPE_AUTH=tokens or oidc)." },
      ],
      components: {
        securitySchemes: {
          writeToken: {
            type: "http",
            scheme: "bearer",
            description: "ALPHASCOPE_WRITE_TOKEN, when the server sets one (docs/security.md).",
          },
          personalToken: {
            type: "http",
            scheme: "bearer",
            description:
              "A personal token (`alphascope tokens create`, or /settings/tokens) on a team server (ALPHASCOPE_AUTH=tokens or oidc).",
          },
        },
      },
      paths: Object.fromEntries(ROUTE_SPECS.map((spec) => [spec.path, withSecurity(spec.operations)])),
    },
    { override: fixedLengthArrays },
  );
  return built;
}

/**
 * Every operation says who may call it: a write declares its scheme in its route spec (WRITE_SECURITY);
 * an operation that declares none is an open read, written out as `security: []` so that no tool has
 * to guess (tests/unit/server/openapi/document.test.ts refuses a non-GET operation without its own).
 */
function withSecurity(operations: RouteSpec["operations"]): RouteSpec["operations"] {
  return Object.fromEntries(
    Object.entries(operations).map(([method, operation]) => [
      method,
      operation && { ...operation, security: operation.security ?? [] },
    ]),
  );
}

/**
 * A fixed-length array of one kind of item (a zod tuple, e.g. an interval [lower, upper]) as an array
 * of `n` items of that schema, with minItems = maxItems = n, instead of JSON Schema 2020-12's
 * prefixItems with `items: false`: OpenAPI 3.0-era tools (Prism among them) read `items: false` as "no
 * item allowed" and refuse every such array. The wire shape (an array) is unchanged; what the document
 * no longer says is which position holds which item, and its description does.
 */
function fixedLengthArrays({
  jsonSchema,
  zodSchema,
}: Parameters<NonNullable<CreateDocumentOptions["override"]>>[0]) {
  const { def } = zodSchema._zod;
  if (def.type !== "tuple" || def.rest !== null || !Array.isArray(jsonSchema.prefixItems)) return;
  const [first, ...others] = jsonSchema.prefixItems;
  // A tuple of different items has no such form; the document test refuses any prefixItems left.
  if (others.some((item) => JSON.stringify(item) !== JSON.stringify(first))) return;
  jsonSchema.items = first;
  jsonSchema.minItems = jsonSchema.prefixItems.length;
  jsonSchema.maxItems = jsonSchema.prefixItems.length;
  delete jsonSchema.prefixItems;
}
