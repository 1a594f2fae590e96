import { createHmac, timingSafeEqual } from "node:crypto";
import { ApiError, NotFoundError } from "../errors";
import { WRITE_TOKEN_VARIABLE } from "../imports/writeToken";
import { authMode } from "./mode";
import { cookieName, cookieValue, sessionHours, setCookie } from "./sessionCookie";

type Env = Readonly<Record<string, string | undefined>>;

/*
 * The browser's write access on a zero-configuration server with a shared ALPHASCOPE_WRITE_TOKEN
 * (docs/security.md "The write token in the browser"): the token is typed once and exchanged for an
 * HttpOnly, SameSite=Strict cookie, so no script on the page can read it (it used to live in
 * sessionStorage). The cookie is signed, not stored: `v1.<expiry, Unix seconds>.<HMAC-SHA256 of the
 * expiry keyed by the write token>`, so the server keeps nothing, a cookie proves its holder once
 * knew the token, and changing ALPHASCOPE_WRITE_TOKEN voids every cookie made with the old one.
 * Forgetting deletes this browser's cookie; a copy taken before stays valid until it expires or the
 * token changes (no script can take one: HttpOnly).
 */

const VERSION = "v1";

/** The write cookie's name: `__Host-alphascope_write` over TLS, `alphascope_write` otherwise. */
export function writeCookieName(env: Env = process.env): string {
  return cookieName("alphascope_write", env);
}

function signature(token: string, expiresAt: number): Buffer {
  return createHmac("sha256", token).update(`alphascope write session ${VERSION}.${expiresAt}`).digest();
}

/** The shared write token, when this server is zero-configuration and has one; else null. */
function sharedWriteToken(env: Env): string | null {
  if (authMode(env) !== "none") return null;
  return env[WRITE_TOKEN_VARIABLE] || null;
}

/** The `Set-Cookie` of a write cookie made at `now`, lasting ALPHASCOPE_SESSION_HOURS (default a week). */
export function writeSetCookie(token: string, now: Date, env: Env = process.env): string {
  const seconds = sessionHours(env) * 3600;
  const expiresAt = Math.floor(now.getTime() / 1000) + seconds;
  const value = `${VERSION}.${expiresAt}.${signature(token, expiresAt).toString("base64url")}`;
  return setCookie(writeCookieName(env), value, seconds, env, "Strict");
}

/** The `Set-Cookie` that deletes the write cookie. */
export function clearedWriteCookie(env: Env = process.env): string {
  return setCookie(writeCookieName(env), "", 0, env, "Strict");
}

/** True when the request carries a write cookie signed with the current write token and not expired at `now`. */
export function hasWriteCookie(headers: Headers, env: Env = process.env, now = new Date()): boolean {
  const token = sharedWriteToken(env);
  const value = cookieValue(headers, writeCookieName(env));
  if (!token || !value) return false;
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt * 1000 <= now.getTime()) return false;
  return timingSafeEqual(Buffer.from(match[2], "base64url"), signature(token, expiresAt));
}

/** GET /api/auth/write-session: whether this server takes a write token, and whether this browser holds its cookie. */
export function writeSessionState(
  headers: Headers,
  env: Env = process.env,
  now = new Date(),
): { required: boolean; held: boolean } {
  requireZeroConfig(env);
  return { required: sharedWriteToken(env) !== null, held: hasWriteCookie(headers, env, now) };
}

/**
 * POST /api/auth/write-session: the write token, checked in constant time, exchanged for the write
 * cookie. 404 when the server takes no write token; 403 for a wrong one.
 */
export function exchangeWriteToken(typed: string, env: Env = process.env, now = new Date()): string {
  requireZeroConfig(env);
  const token = sharedWriteToken(env);
  if (!token)
    throw new NotFoundError(`This server takes no write token (${WRITE_TOKEN_VARIABLE} is not set).`);
  const digest = (text: string) => createHmac("sha256", "compare").update(text).digest();
  if (!timingSafeEqual(digest(typed), digest(token))) {
    throw new ApiError(403, "forbidden", "The write token is not valid.");
  }
  return writeSetCookie(token, now, env);
}

/** The write cookie belongs to the zero-configuration server: a team server signs people in instead (404). */
function requireZeroConfig(env: Env): void {
  if (authMode(env) !== "none") {
    throw new NotFoundError("This server signs people in instead (ALPHASCOPE_AUTH is set): use /signin.");
  }
}
