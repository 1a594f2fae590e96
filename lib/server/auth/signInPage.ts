import { type AuthMode, SIGN_IN_ERRORS, type SignedInUser, type SignInErrorCode } from "../../contracts/auth";
import type { Db } from "../../db/client";
import { ApiError } from "../errors";
import { identifyHeaders } from "./identify";
import { authMode } from "./mode";
import { safeNextPath } from "./nextPath";
import { oidcSettings } from "./oidcSettings";
import { signedInUser } from "./signIn";

/** What the sign-in page shows. */
export interface SignInPageState {
  mode: AuthMode;
  /** Who is signed in already, if anyone. */
  user: SignedInUser | null;
  /** Where to go after signing in (a path of this server). */
  next: string;
  /** Why the last attempt failed (`?error=` from the callback), in words. */
  error: string | null;
  /** The provider's name on the button (its issuer's host), in oidc mode. */
  provider: string | null;
}

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The sign-in page's state from the request's headers and query (`next`, `error`). */
export async function signInPageState(
  headers: Headers,
  db: Db,
  search: Record<string, string | string[] | undefined>,
): Promise<SignInPageState> {
  const mode = authMode();
  const code = firstOf(search.error);
  const error = code && code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : null;
  const principal = await identifyHeaders(headers, db, { mode }).catch((failure: unknown) => {
    if (failure instanceof ApiError && failure.status === 401) return null;
    throw failure;
  });
  return {
    mode,
    user: principal ? signedInUser(principal) : null,
    next: safeNextPath(firstOf(search.next)),
    error,
    provider: mode === "oidc" ? oidcSettings().issuer.host : null,
  };
}
