import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { holderOfLiveToken } from "../../db/queries/apiTokens";
import { ApiError } from "../errors";
import { type AuthMode, authMode } from "./mode";
import type { Principal } from "./principal";

/** Personal tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = "asc_";

/** A new token's secret: the prefix and 32 random bytes, base64url. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What is stored of a secret: its SHA-256, hex (a 256-bit random secret needs no slow hash). */
export function tokenSecretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The bearer token of `Authorization: Bearer <token>`, or null without one. */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec((request.headers.get("authorization") ?? "").trim());
  return match ? match[1] : null;
}

/**
 * Who sent `request`. Without ALPHASCOPE_AUTH every caller is `local` (today's rules apply). With
 * it, a personal token identifies its user (401 when it is unknown, revoked or expired — a wrong
 * token is never read as anonymous); no token is `anonymous`. A session cookie (oidc) is read by
 * the sign-in module.
 */
export async function identify(
  request: Request,
  db: Db,
  options: { mode?: AuthMode; now?: Date } = {},
): Promise<Principal> {
  const mode = options.mode ?? authMode();
  if (mode === "none") return { kind: "local" };
  const secret = bearerToken(request);
  if (secret === null) return { kind: "anonymous" };
  const holder = await holderOfLiveToken(db, tokenSecretHash(secret), options.now ?? new Date());
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
