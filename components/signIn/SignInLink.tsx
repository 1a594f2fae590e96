"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/server/auth/paths";

/** The header's "Sign in", coming back to the page it was clicked on (path and view). */
export function SignInLink() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const here = `${pathname}${search ? `?${search}` : ""}`;
  const href = pathname === SIGN_IN_PATH ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(here)}`;
  return (
    <a className="account-signin" href={href} data-testid="sign-in-link">
      Sign in
    </a>
  );
}
