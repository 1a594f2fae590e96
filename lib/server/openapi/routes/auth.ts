import { z } from "zod";
import {
  authMeSchema,
  tokenSignInResponseSchema,
  tokenSignInSchema,
  writeSessionRequestSchema,
  writeSessionStateSchema,
} from "../../../contracts/auth";
import { errorResponses, jsonBody, jsonResponse, type RouteSpec, requires } from "../routeSpec";

// Sign-in (ALPHASCOPE_AUTH=tokens or oidc; docs/security.md "Signing in"). On a server without
// sign-in every route but /api/auth/me answers 404.

const OFF = "Sign-in is off on this server (ALPHASCOPE_AUTH unset)";
const redirect = (description: string) => ({
  description,
  headers: z.object({ location: z.string().meta({ description: "Where the browser goes next." }) }),
});

export const authMeRoute: RouteSpec = {
  path: "/api/auth/me",
  operations: {
    get: {
      operationId: "getSignedInUser",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Who the request comes from, and how this server identifies people",
      responses: {
        "200": jsonResponse("The mode, and the user (null when anonymous or without sign-in).", authMeSchema),
        ...errorResponses({ 401: "A bearer token was sent that is unknown, revoked or expired." }),
      },
    },
  },
};

export const signInRoute: RouteSpec = {
  path: "/api/auth/signin",
  operations: {
    get: {
      operationId: "startSignIn",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Starts a sign-in through the OpenID provider (a browser navigation)",
      description:
        "Redirects to the provider's authorization endpoint (authorization code with PKCE, state and nonce, kept in a short-lived HttpOnly cookie). `next` is where the callback goes afterwards: a path of this server, anything else means `/`.",
      requestParams: {
        query: z.object({
          next: z.string().optional().meta({ description: "A path of this server to return to." }),
        }),
      },
      responses: {
        "302": redirect("To the provider's authorization endpoint."),
        ...errorResponses({ 404: `${OFF}, or it signs in with personal tokens only.` }),
      },
    },
  },
};

export const signInCallbackRoute: RouteSpec = {
  path: "/api/auth/callback",
  operations: {
    get: {
      operationId: "finishSignIn",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Where the OpenID provider sends the browser back (the redirect URI to register)",
      description:
        "On success sets the session cookie and redirects to the `next` of the sign-in; otherwise redirects to `/signin?error=<expired|denied|unverified|failed>`.",
      responses: {
        "303": redirect("To where the sign-in started, or to the sign-in page with the reason it failed."),
        ...errorResponses({ 404: `${OFF}, or it signs in with personal tokens only.` }),
      },
    },
  },
};

export const signOutRoute: RouteSpec = {
  path: "/api/auth/signout",
  operations: {
    post: {
      operationId: "signOut",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Ends this browser's session and deletes its cookie",
      security: [],
      responses: {
        "303": redirect("To the home page."),
        ...errorResponses({ 403: "A cross-site request.", 404: OFF }),
      },
    },
  },
};

export const tokenSignInRoute: RouteSpec = {
  path: "/api/auth/token-signin",
  operations: {
    post: {
      operationId: "signInWithToken",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Opens a browser session with a personal token",
      description:
        "The session has the token's scope: a read token gives a session that may only read. Same-origin requests only.",
      security: [],
      requestBody: jsonBody(tokenSignInSchema),
      responses: {
        "200": jsonResponse("Signed in: the session cookie is set.", tokenSignInResponseSchema),
        ...errorResponses({
          400: "The body is invalid: the message names the field.",
          401: "The token is unknown, revoked or expired.",
          403: "A cross-site request.",
          404: OFF,
          413: "The body is over the JSON body limit.",
          415: "The body is not application/json.",
        }),
      },
    },
  },
};

const TEAM = "A team server (ALPHASCOPE_AUTH set): people sign in instead";

export const writeSessionRoute: RouteSpec = {
  path: "/api/auth/write-session",
  operations: {
    get: {
      operationId: "getWriteSession",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Whether this server takes a shared write token, and whether this browser holds its cookie",
      responses: {
        "200": jsonResponse(
          "The server's write-token setting and this browser's cookie.",
          writeSessionStateSchema,
        ),
        ...errorResponses({ 404: TEAM }),
      },
    },
    post: {
      operationId: "unlockWrites",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Exchanges the shared write token for an HttpOnly write cookie",
      description:
        "Zero-configuration servers with `ALPHASCOPE_WRITE_TOKEN`: the browser sends the token once and gets a signed, HttpOnly, SameSite=Strict cookie that writes from this origin then carry instead of the token (no script can read it). Same-origin requests only.",
      security: [],
      requestBody: jsonBody(writeSessionRequestSchema),
      responses: {
        "204": { description: "The write cookie is set." },
        ...errorResponses({
          400: "The body is invalid: the message names the field.",
          403: "The token is not valid, or a cross-site request.",
          404: `${TEAM}, or this server takes no write token.`,
          413: "The body is over the JSON body limit.",
          415: "The body is not application/json.",
        }),
      },
    },
    delete: {
      operationId: "forgetWriteToken",
      ...requires("public"),
      tags: ["Sign-in"],
      summary: "Deletes this browser's write cookie",
      security: [],
      responses: {
        "204": { description: "The write cookie is deleted." },
        ...errorResponses({ 403: "A cross-site request.", 404: TEAM }),
      },
    },
  },
};
