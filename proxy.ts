import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/queries/health";
import { authMode } from "@/lib/server/auth/mode";
import { cookieValue, sessionCookieName, sessionSetCookie } from "@/lib/server/auth/sessionCookie";
import { serverDb } from "@/lib/server/db";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/server/errors";
import { PAGE_PATH_HEADER } from "@/lib/server/pageSearch";
import { pageCsp } from "@/lib/server/securityHeaders";
import { databaseUnavailablePage } from "@/lib/server/unavailablePage";

/**
 * Runs before every page (see `config.matcher`: API routes and static files are not pages):
 * 1. gives the page a fresh CSP nonce: Next reads it from the request's policy header and puts it on
 *    its scripts; the response carries the same policy;
 * 2. checks that the database answers, and answers 503 with a page that says so when it does not.
 *    A page cannot set its own status once it streams, and every page reads the database, so the
 *    check happens here (one `SELECT 1` on a pooled connection);
 * 3. on a server with sign-in, renews the session cookie's lifetime on every page a signed-in person
 *    opens, as the session's expiry slides in the database (identify() checks the session itself: a
 *    renewed cookie of an ended session is still anonymous).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = randomBytes(16).toString("base64");
  const policy = pageCsp(nonce, process.env.NODE_ENV === "development");
  const health = await checkDatabase(serverDb());
  if (!health.ok) {
    console.error(`Page ${request.nextUrl.pathname}: the database is unreachable: ${health.error}`);
    return new NextResponse(databaseUnavailablePage(nonce), {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(DATABASE_RETRY_AFTER_SECONDS),
        "content-security-policy": policy,
      },
    });
  }
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Where a page sends an anonymous visitor back to after signing in (lib/server/pages.ts).
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  const session = authMode() === "none" ? null : cookieValue(request.headers, sessionCookieName());
  if (session) response.headers.append("set-cookie", sessionSetCookie(session));
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API routes under /api/ (a proxy makes Next buffer request bodies, and API answers
      // are not pages; /api itself is the page describing them), not the build's static files, not
      // the icon.
      source: "/((?!api/|_next/static/|_next/image|icon\\.svg).*)",
      // Router prefetches carry no document to protect and must stay cheap.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
