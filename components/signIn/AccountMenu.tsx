import { headers } from "next/headers";
import { Suspense } from "react";
import { identifyHeaders } from "@/lib/server/auth/identify";
import { authMode } from "@/lib/server/auth/mode";
import { serverDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/errors";
import { SignInLink } from "./SignInLink";

/**
 * The header's account corner on a server with sign-in: who is signed in and "Sign out" (a plain
 * form: no script needed, and same-origin by construction), or "Sign in". Nothing without sign-in.
 */
export async function AccountMenu() {
  const mode = authMode();
  if (mode === "none") return null;
  const principal = await identifyHeaders(await headers(), serverDb(), { mode }).catch((error: unknown) => {
    // A page sent with a stale bearer token is shown as to an anonymous visitor.
    if (error instanceof ApiError && error.status === 401) return { kind: "anonymous" as const };
    throw error;
  });
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
