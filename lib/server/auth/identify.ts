import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { holderOfLiveToken } from "../../db/queries/apiTokens";
import { sessionHolder } from "../../db/queries/sessions";
import { ApiError } from "../errors";
import { type AuthMode, authMode } from "./mode";
import type { Principal } from "./principal";
import { cookieValue, sessionCookieName, sessionSliding } from "./sessionCookie";

/** Personal tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "asc_";

/** A new token's secret: the prefix and 32 random bytes, base64url. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored of a secret (a token's, or a session cookie's): its SHA-256, hex (a 256-bit random
 * secret needs no slow hash).
 */
export function tokenSecretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The bearer token of `Authorization: Bearer <token>`, or null without one. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec((headers.get("authorization") ?? "").trim());
  return match ? match[1] : null;
}

export interface IdentifyOptions {
  mode?: AuthMode;
  now?: Date;
  /** Where the session settings come from (cookie name, lifetime); process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Who sent `request`. Without ALPHASCOPE_AUTH every caller is `local` (today's rules apply). With
 * it, a personal token identifies its user (401 when it is unknown, revoked or expired — a wrong
 * token is never read as anonymous); without a token, a live session cookie identifies its user
 * (an unknown or expired one is simply anonymous: browsers keep stale cookies); else `anonymous`.
 */
export function identify(request: Request, db: Db, options: IdentifyOptions = {}): Promise<Principal> {
  return identifyHeaders(request.headers, db, options);
}

/** identify() from a request's headers alone (pages read them through next/headers). */
export async function identifyHeaders(
  headers: Headers,
  db: Db,
  options: IdentifyOptions = {},
): Promise<Principal> {
  const env = options.env ?? process.env;
  const mode = options.mode ?? authMode(env);
  if (mode === "none") return { kind: "local" };
  const now = options.now ?? new Date();
  const secret = bearerToken(headers);
  if (secret === null) {
    const cookie = cookieValue(headers, sessionCookieName(env));
    const session = cookie
      ? await sessionHolder(db, tokenSecretHash(cookie), now, sessionSliding(env))
      : null;
    return session ? { kind: "user", ...session, via: "session" } : { kind: "anonymous" };
  }
  const holder = await holderOfLiveToken(db, tokenSecretHash(secret), now);
  if (!holder) {
    throw new ApiError(401, "unauthorized", "The token is not valid: it is unknown, revoked or expired.");
  }
  return {
    kind: "user",
    userId: holder.userId,
    email: holder.email,
    role: holder.role,
    via: "token",
    scope: holder.scope,
    tokenName: holder.tokenName,
  };
}
