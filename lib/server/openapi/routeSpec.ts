import { z } from "zod";
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathItemObject,
  ZodOpenApiResponseObject,
} from "zod-openapi";
import { apiErrorBodySchema } from "../../contracts/errorSchema";
import { slugSchema } from "../../contracts/schemas";

/**
 * One API route's entry in the OpenAPI document (lib/server/openapi/routes/, listed in ROUTE_SPECS):
 * its path as OpenAPI writes it (`/api/experiments/{slug}` for `app/api/experiments/[slug]/route.ts`)
 * and its operations, built from the zod schemas the route parses and answers with.
 */
export interface RouteSpec {
  path: `/api${string}`;
  operations: Pick<ZodOpenApiPathItemObject, "get" | "post" | "put" | "patch" | "delete">;
}

export type Operation = ZodOpenApiOperationObject;

/** A JSON response with its schema. */
export function jsonResponse(
  description: string,
  schema: z.ZodType,
  headers?: ZodOpenApiResponseObject["headers"],
): ZodOpenApiResponseObject {
  return { description, headers, content: { "application/json": { schema } } };
}

/** Error responses, all in the one error shape, each with what it means for this route. */
export function errorResponses(byStatus: Record<number, string>): Record<string, ZodOpenApiResponseObject> {
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, description]) => [
      status,
      jsonResponse(description, apiErrorBodySchema),
    ]),
  );
}

/** The `{slug}` path parameter of the experiment routes. */
export const slugPath = z.object({
  slug: slugSchema.meta({
    description: "The experiment's slug, as in its page's URL.",
    example: "demo-sweep",
  }),
});

const etagHeader = z
  .string()
  .meta({ description: "The version of the data served (send it back in If-None-Match)." });

/** The conditional-read parts of a versioned read: If-None-Match in, ETag and 304 out. */
export const conditionalRead = {
  header: z.object({
    "if-none-match": z
      .string()
      .optional()
      .meta({ description: "An ETag of an earlier answer: a 304 without a body while it is still current." }),
  }),
  headers: z.object({ etag: etagHeader }),
  notModified: {
    "304": {
      description: "Not modified: the ETag sent is still current.",
      headers: z.object({ etag: etagHeader }),
    },
  },
};

/** 503s every database read may answer with (Retry-After says when to ask again). */
export const READ_UNAVAILABLE = {
  503: "The database cannot be reached (database_unavailable), or the statistics of the current version are not stored yet (statistics_pending); Retry-After says when to try again.",
};

/** Errors of every route taking an experiment slug. */
export const SLUG_ERRORS = {
  400: "The slug (or a parameter) is invalid: the message names it.",
  401: "Sign-in is on (ALPHASCOPE_AUTH) and the request carries no token or session, for an experiment that is not public.",
  404: "No experiment has this slug, or the caller may not read it (the same answer).",
};

/** A non-JSON response (CSV, YAML, PNG) of the given media type. */
export function fileResponse(
  description: string,
  mediaType: string,
  headers?: ZodOpenApiResponseObject["headers"],
): ZodOpenApiResponseObject {
  return { description, headers, content: { [mediaType]: { schema: z.string() } } };
}

/** A required JSON request body parsed with `schema`. */
export function jsonBody(schema: z.ZodType): NonNullable<Operation["requestBody"]> {
  return { required: true, content: { "application/json": { schema } } };
}

/**
 * Who may call a computation posted as JSON that writes nothing (an ensemble's evaluation, the
 * search): anyone who may read. Every operation other than a GET states its security explicitly.
 */
export const OPEN_COMPUTATION: Operation["security"] = [];

/** Who may write: anyone on loopback by default, or the bearer of ALPHASCOPE_WRITE_TOKEN when set. */
export const WRITE_SECURITY: Operation["security"] = [{}, { writeToken: [] }];

/** The account routes: a team server's personal token (or, with oidc, the session cookie). */
export const TEAM_SECURITY: Operation["security"] = [{ personalToken: [] }];

/**
 * The extension each operation declares who may call it with on a team server (ALPHASCOPE_AUTH):
 * `public` anyone; `viewer` any signed-in user (anonymous: 401); `editor` and `admin` that role or
 * above (anonymous: 401, a lower role or a read-scoped token on a write: 403). The route-by-role
 * test (tests/integration/routeByRole.test.ts) calls every operation as each role and holds it to
 * this; an operation without one fails it.
 */
export const ROLE_EXTENSION = "x-alphascope-role";
export const REQUIRED_ROLES = ["public", "viewer", "editor", "admin"] as const;
export type RequiredRole = (typeof REQUIRED_ROLES)[number];

/** An operation's declaration of who may call it on a team server (spread into the operation). */
export function requires(role: RequiredRole): { [ROLE_EXTENSION]: RequiredRole } {
  return { [ROLE_EXTENSION]: role };
}

/** The refusals of a team server's account routes. */
export const TEAM_ONLY_ERRORS = {
  400: "A parameter or field is invalid: the message names it.",
  401: "No personal token (or session) was sent, or it is unknown, revoked or expired.",
  403: "A cross-site request, a role below the one needed, or a read-scoped token on a write.",
  404: "No sign-in on this server (ALPHASCOPE_AUTH unset).",
};

export const WRITE_DESCRIPTION =
  "A write: only same-origin (or non-browser) requests from a client allowed to write — on loopback by default, or with `Authorization: Bearer <ALPHASCOPE_WRITE_TOKEN>` when the server sets one; on a team server (ALPHASCOPE_AUTH), a user whose role is at least the operation's `x-alphascope-role`, with a write-scoped personal token or a session (docs/security.md).";

/** Errors of every JSON write (the body's own 400 is the route's). */
export const WRITE_ERRORS = {
  401: "The server requires a write token (or, on a team server, a personal token or session) and none valid was sent.",
  403: "A cross-site request, a wrong token, a client that may not write, or (team server) a role below the one needed or a read-scoped token.",
  413: "The body is over the JSON body limit.",
  415: "The body is not application/json.",
  503: "The database cannot be reached; Retry-After says when to try again.",
};
