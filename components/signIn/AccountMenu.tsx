import { headers } from "next/headers";
import { cache, Suspense } from "react";
import { identifyHeaders } from "@/lib/server/auth/identify";
import { authMode } from "@/lib/server/auth/mode";
import type { Principal } from "@/lib/server/auth/principal";
import { serverDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/errors";
import { NavLink } from "../layout/NavLink";
import { SignInLink } from "./SignInLink";

/**
 * Who is viewing the page on a server with sign-in, found once per request however many parts of
 * the header ask (React's request cache); null without sign-in.
 */
const headerPrincipal = cache(async (): Promise<Principal | null> => {
  const mode = authMode();
  if (mode === "none") return null;
  return identifyHeaders(await headers(), serverDb(), { mode }).catch((error: unknown) => {
    // A page sent with a stale bearer token is shown as to an anonymous visitor.
    if (error instanceof ApiError && error.status === 401) return { kind: "anonymous" as const };
    throw error;
  });
});

/**
 * The main navigation's account entries on a server with sign-in: "Tokens" (one's personal tokens)
 * for a signed-in user, and "Admin" (users, tokens, trash, audit) for an admin. Nothing without
 * sign-in or for an anonymous visitor.
 */
export async function AccountNavLinks() {
  const principal = await headerPrincipal();
  if (principal?.kind !== "user") return null;
  return (
    <>
      <li>
        <NavLink href="/settings/tokens">Tokens</NavLink>
      </li>
      {principal.role === "admin" && (
        <li>
          <NavLink href="/admin">Admin</NavLink>
        </li>
      )}
    </>
  );
}

/**
 * The header's account corner on a server with sign-in: who is signed in and "Sign out" (a plain
 * form: no script needed, and same-origin by construction), or "Sign in". Nothing without sign-in.
 */
export async function AccountMenu() {
  const principal = await headerPrincipal();
  if (principal === null) return null;
  if (principal.kind !== "user") {
    return (
      <div className="account">
        <Suspense>
          <SignInLink />
        </Suspense>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="account-email" data-testid="signed-in-as" title={`Role: ${principal.role}`}>
        {principal.email}
      </span>
      <form method="post" action="/api/auth/signout">
        <button type="submit" className="account-signout" data-testid="sign-out">
          Sign out
        </button>
      </form>
    </div>
  );
}
