import type { AuthMe, SignedInUser } from "../../contracts/auth";
import type { Db } from "../../db/client";
import { holderOfLiveToken } from "../../db/queries/apiTokens";
import { deleteSession, openSession } from "../../db/queries/sessions";
import { ApiError, NotFoundError } from "../errors";
import { identify, tokenSecretHash } from "./identify";
import { type AuthMode, authMode } from "./mode";
import { safeNextPath } from "./nextPath";
import type { Principal } from "./principal";
import {
  clearedSessionCookie,
  cookieValue,
  newSessionSecret,
  sessionCookieName,
  sessionExpiry,
  sessionSetCookie,
} from "./sessionCookie";

type Env = Readonly<Record<string, string | undefined>>;

/** The signed-in user as /api/auth/me and the header show them, or null. */
export function signedInUser(principal: Principal): SignedInUser | null {
  if (principal.kind !== "user") return null;
  return { email: principal.email, role: principal.role, via: principal.via, scope: principal.scope };
}

/** Refuses (404) the sign-in routes on a server without sign-in (ALPHASCOPE_AUTH unset). */
export function requireSignIn(env: Env = process.env): Exclude<AuthMode, "none"> {
  const mode = authMode(env);
  if (mode === "none") throw new NotFoundError("Sign-in is off on this server (ALPHASCOPE_AUTH is not set).");
  return mode;
}

/** GET /api/auth/me: the server's mode and who the request comes from. */
export async function whoAmI(request: Request, db: Db, env: Env = process.env): Promise<AuthMe> {
  const mode = authMode(env);
  return { mode, user: signedInUser(await identify(request, db, { mode, env })) };
}

/**
 * POST /api/auth/token-signin: a live personal token opens a browser session for its user, with the
 * token's scope (a read token gives a read-only session), and the sign-in is audited. 401 for a
 * token that is unknown, revoked or expired.
 */
export async function tokenSignIn(
  db: Db,
  body: { token: string; next?: string },
  options: { now?: Date; env?: Env } = {},
): Promise<{ user: SignedInUser; next: string; cookie: string }> {
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  const holder = await holderOfLiveToken(db, tokenSecretHash(body.token), now);
  if (!holder)
    throw new ApiError(401, "unauthorized", "The token is not valid: it is unknown, revoked or expired.");
  const secret = newSessionSecret();
  const session = await openSession(
    db,
    { kind: "user", userId: holder.userId },
    {
      id: tokenSecretHash(secret),
      scope: holder.scope,
      now,
      expiresAt: sessionExpiry(now, env),
      summary: `Signed in with personal token ${holder.tokenId} (${holder.scope})`,
    },
  );
  return {
    user: { email: session.email, role: session.role, via: "session", scope: session.scope },
    next: safeNextPath(body.next),
    cookie: sessionSetCookie(secret, env),
  };
}

/** POST /api/auth/signout: ends the request's session, if any; returns the cookie that deletes it. */
export async function signOut(request: Request, db: Db, env: Env = process.env): Promise<string> {
  const secret = cookieValue(request.headers, sessionCookieName(env));
  if (secret) await deleteSession(db, tokenSecretHash(secret));
  return clearedSessionCookie(env);
}
