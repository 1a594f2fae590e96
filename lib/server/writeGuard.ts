import { hasWriteCookie } from "./auth/writeSession";
import { CLIENT_HEADER, isLoopbackAddress } from "./clientAddress";
import { ForbiddenError } from "./errors";
import { requireWriteToken, WRITE_TOKEN_VARIABLE } from "./imports/writeToken";

/**
 * Who may write (docs/security.md): with ALPHASCOPE_WRITE_TOKEN set, whoever presents the token;
 * without it, only clients on this machine.
 */
export type WriteMode = "token" | "loopback";

export function writeMode(env: NodeJS.ProcessEnv = process.env): WriteMode {
  return env[WRITE_TOKEN_VARIABLE] ? "token" : "loopback";
}

/** `url`'s host[:port] equals the Host header, both normalised the same way (case, default port). */
function sameHost(url: string, host: string | null): boolean {
  if (!host) return false;
  try {
    const source = new URL(url);
    return new URL(`${source.protocol}//${host}`).host === source.host;
  } catch {
    return false; // includes Origin "null" (sandboxed frames, file: pages, some redirects)
  }
}

/**
 * Refuses (403) a state-changing request a browser sent on behalf of another site (CSRF):
 * `Sec-Fetch-Site` other than same-origin or none, an `Origin` whose host is not this server's
 * Host (or "null"), or, without Origin, a `Referer` from another host. A request with none of these
 * headers is not from a browser page (curl, scripts: they cannot carry a victim's credentials) and
 * passes; the write checks that follow still apply to it.
 */
export function requireSameOrigin(request: Request): void {
  const headers = request.headers;
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    throw new ForbiddenError(`Cross-site requests cannot change anything here (Sec-Fetch-Site: ${site}).`);
  }
  const origin = headers.get("origin");
  const referer = headers.get("referer");
  const source = origin ?? referer;
  if (source !== null && !sameHost(source, headers.get("host"))) {
    throw new ForbiddenError(
      "Cross-site requests cannot change anything here: the Origin is not this server.",
    );
  }
}

/** True when the Host header names this machine by a loopback name, which a rebound DNS name cannot. */
function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || isLoopbackAddress(hostname.replace(/^\[(.*)\]$/, "$1"));
}

/**
 * Refuses a write its sender may not make: in token mode a missing (401) or wrong (403) bearer
 * token, unless the request sends none and carries the write cookie a browser got for the token
 * (lib/server/auth/writeSession.ts; callers check the origin first); in loopback mode (403) a client the HTTP server did not mark local, or a request addressed
 * by a name other than localhost / a loopback address (DNS rebinding).
 */
export function requireWriteAccess(request: Request, env: NodeJS.ProcessEnv = process.env): void {
  if (writeMode(env) === "token") {
    if (!request.headers.has("authorization") && hasWriteCookie(request.headers, env)) return;
    requireWriteToken(request, env);
    return;
  }
  if (request.headers.get(CLIENT_HEADER) !== "local" || !isLoopbackHost(request.headers.get("host"))) {
    throw new ForbiddenError(
      `This server accepts writes only from its own machine (at http://localhost); set ${WRITE_TOKEN_VARIABLE} to accept them from elsewhere.`,
    );
  }
}
