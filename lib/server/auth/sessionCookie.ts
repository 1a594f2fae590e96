import { randomBytes } from "node:crypto";
import { SettingError } from "../../import/settings";
import { PUBLIC_URL_VARIABLE } from "../publicOrigin";

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variable giving how long a session lasts without use, in hours. */
export const SESSION_HOURS_VARIABLE = "ALPHASCOPE_SESSION_HOURS";

/** A week: sessions of people who come back daily never expire; a forgotten laptop's does. */
export const DEFAULT_SESSION_HOURS = 168;

const HOUR_MS = 60 * 60 * 1000;

/** A session seen again after this long gets its expiry moved forward (see sessionHolder). */
export const SESSION_SLIDE_AFTER_MS = 5 * 60 * 1000;

/**
 * How long a session lasts since it was last used: ALPHASCOPE_SESSION_HOURS (1 to 8760, plain
 * digits), else 168. Throws SettingError.
 */
export function sessionHours(env: Env = process.env): number {
  const text = env[SESSION_HOURS_VARIABLE];
  if (text === undefined || text.trim() === "") return DEFAULT_SESSION_HOURS;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > 8760) {
    throw new SettingError(
      `${SESSION_HOURS_VARIABLE} must be a whole number of hours from 1 to 8760 (e.g. ${DEFAULT_SESSION_HOURS} for a week), got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** A session's lifetime and how often its expiry slides, in milliseconds. */
export function sessionSliding(env: Env = process.env): { lifetimeMs: number; slideAfterMs: number } {
  return { lifetimeMs: sessionHours(env) * HOUR_MS, slideAfterMs: SESSION_SLIDE_AFTER_MS };
}

/** When a session opened at `now` expires unless it is used again. */
export function sessionExpiry(now: Date, env: Env = process.env): Date {
  return new Date(now.getTime() + sessionHours(env) * HOUR_MS);
}

/**
 * True when the server is reached over TLS (ALPHASCOPE_PUBLIC_URL is https): cookies are then
 * `Secure` and carry the `__Host-` prefix, which browsers accept only from a secure origin, with
 * `Path=/` and no `Domain` — so neither plain HTTP nor a sibling subdomain can set or overwrite them.
 */
export function secureCookies(env: Env = process.env): boolean {
  return env[PUBLIC_URL_VARIABLE]?.trim().toLowerCase().startsWith("https:") ?? false;
}

/** The name of a cookie of ours: `__Host-<base>` over TLS, `<base>` otherwise. */
export function cookieName(base: string, env: Env = process.env): string {
  return secureCookies(env) ? `__Host-${base}` : base;
}

/** The session cookie's name. */
export function sessionCookieName(env: Env = process.env): string {
  return cookieName("alphascope_session", env);
}

/** A new session secret: 32 random bytes, base64url (what the cookie holds; the row keeps its hash). */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * A `Set-Cookie` value for one of our cookies: HttpOnly (no script reads it), SameSite=Lax (sent on
 * top-level navigations, such as the provider's redirect back, never on another site's subrequests
 * or form posts) or Strict (never sent on anything another site starts), Path=/, Secure over TLS.
 * `maxAgeSeconds` 0 deletes it.
 */
export function setCookie(
  name: string,
  value: string,
  maxAgeSeconds: number,
  env: Env = process.env,
  sameSite: "Lax" | "Strict" = "Lax",
): string {
  const attributes = [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    `SameSite=${sameSite}`,
  ];
  if (secureCookies(env)) attributes.push("Secure");
  return attributes.join("; ");
}

/** The session cookie holding `secret`, living as long as a session does. */
export function sessionSetCookie(secret: string, env: Env = process.env): string {
  return setCookie(sessionCookieName(env), secret, sessionHours(env) * 3600, env);
}

/** The `Set-Cookie` that deletes the session cookie. */
export function clearedSessionCookie(env: Env = process.env): string {
  return setCookie(sessionCookieName(env), "", 0, env);
}

/**
 * The value of the cookie `name` in a request's Cookie header, or null. (RFC 6265's request side is
 * `name=value` pairs separated by `; `; ours never need decoding: base64url and JSON-free.)
 */
export function cookieValue(headers: Headers, name: string): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}
