import { z } from "zod";
import {
  accountIdPath,
  apiTokenSchema,
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenQuerySchema,
  userPatchSchema,
  userPutSchema,
} from "../../../contracts/accounts";
import { userSchema } from "../../../contracts/users";
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  type RouteSpec,
  requires,
  TEAM_ONLY_ERRORS,
  TEAM_SECURITY,
  WRITE_ERRORS,
} from "../routeSpec";

const TEAM_ONLY =
  'Only on a team server (ALPHASCOPE_AUTH=tokens or oidc): without sign-in, 404 (docs/security.md "Team server").';
const WRITE_NOTE = `${TEAM_ONLY} Same-origin (or non-browser) requests only; a read-scoped token cannot call it.`;

const accountWriteErrors = {
  ...TEAM_ONLY_ERRORS,
  413: WRITE_ERRORS[413],
  415: WRITE_ERRORS[415],
  503: WRITE_ERRORS[503],
};

export const tokensRoute: RouteSpec = {
  path: "/api/tokens",
  operations: {
    get: {
      operationId: "listTokens",
      tags: ["Accounts"],
      summary: "The caller's personal tokens (an admin: any user's)",
      description: TEAM_ONLY,
      security: TEAM_SECURITY,
      ...requires("viewer"),
      requestParams: { query: tokenQuerySchema },
      responses: {
        "200": jsonResponse("The tokens, newest first (never their secrets).", z.array(apiTokenSchema)),
        ...errorResponses({
          ...TEAM_ONLY_ERRORS,
          404: "No sign-in on this server, or no such user.",
          503: WRITE_ERRORS[503],
        }),
      },
    },
    post: {
      operationId: "createToken",
      tags: ["Accounts"],
      summary: "Create a personal token for the caller (an admin: for any user); its secret is answered once",
      description: WRITE_NOTE,
      security: TEAM_SECURITY,
      ...requires("viewer"),
      requestBody: jsonBody(tokenCreateSchema),
      responses: {
        "201": jsonResponse("The token and its secret (shown this once).", tokenCreatedSchema),
        ...errorResponses({
          ...accountWriteErrors,
          404: "No sign-in on this server, or no such user.",
        }),
      },
    },
  },
};

export const tokenRoute: RouteSpec = {
  path: "/api/tokens/{id}",
  operations: {
    delete: {
      operationId: "revokeToken",
      tags: ["Accounts"],
      summary: "Revoke one of the caller's tokens (an admin: anyone's)",
      description: WRITE_NOTE,
      security: TEAM_SECURITY,
      ...requires("viewer"),
      requestParams: { path: accountIdPath },
      responses: {
        "200": jsonResponse("The revoked token.", apiTokenSchema),
        ...errorResponses({
          ...accountWriteErrors,
          404: "No sign-in on this server, or no token of the caller's with this id.",
        }),
      },
    },
  },
};

export const usersRoute: RouteSpec = {
  path: "/api/users",
  operations: {
    get: {
      operationId: "listUsers",
      tags: ["Accounts"],
      summary: "The team server's users and their roles (admins)",
      description: TEAM_ONLY,
      security: TEAM_SECURITY,
      ...requires("admin"),
      responses: {
        "200": jsonResponse("The users, by e-mail.", z.array(userSchema)),
        ...errorResponses({ ...TEAM_ONLY_ERRORS, 503: WRITE_ERRORS[503] }),
      },
    },
    post: {
      operationId: "putUser",
      tags: ["Accounts"],
      summary: "Add a user, or set the role of the one with this e-mail (admins)",
      description: WRITE_NOTE,
      security: TEAM_SECURITY,
      ...requires("admin"),
      requestBody: jsonBody(userPutSchema),
      responses: {
        "200": jsonResponse("The user, whose role is now the one sent.", userSchema),
        "201": jsonResponse("The user added.", userSchema),
        ...errorResponses(accountWriteErrors),
      },
    },
  },
};

export const userRoute: RouteSpec = {
  path: "/api/users/{id}",
  operations: {
    patch: {
      operationId: "changeUserRole",
      tags: ["Accounts"],
      summary: "Change a user's role (admins; not their own)",
      description: WRITE_NOTE,
      security: TEAM_SECURITY,
      ...requires("admin"),
      requestParams: { path: accountIdPath },
      requestBody: jsonBody(userPatchSchema),
      responses: {
        "200": jsonResponse("The user with the new role.", userSchema),
        ...errorResponses({
          ...accountWriteErrors,
          404: "No sign-in on this server, or no user with this id.",
          409: "The caller's own role: another admin changes it.",
        }),
      },
    },
    delete: {
      operationId: "removeUser",
      tags: ["Accounts"],
      summary: "Remove a user and their tokens (admins; not themself)",
      description: WRITE_NOTE,
      security: TEAM_SECURITY,
      ...requires("admin"),
      requestParams: { path: accountIdPath },
      responses: {
        "204": { description: "Removed." },
        ...errorResponses({
          ...accountWriteErrors,
          404: "No sign-in on this server, or no user with this id.",
          409: "The caller themself: another admin removes them.",
        }),
      },
    },
  },
};
