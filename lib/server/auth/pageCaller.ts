import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { serverDb } from "../db";
import { ApiError } from "../errors";
import { identify } from "./identify";
import { authMode } from "./mode";
import { SIGN_IN_PATH } from "./paths";

/**
 * On a team server, sends a visitor nobody signed in as to the sign-in page, coming back to `path`
 * after it (an unknown or expired credential counts as nobody). Without ALPHASCOPE_AUTH it does
 * nothing: the page's API then says what the zero-configuration server offers.
 */
export async function requireSignedInPage(path: string): Promise<void> {
  const mode = authMode();
  if (mode === "none") return;
  const request = new Request(`http://page${path}`, { headers: await headers() });
  const caller = await identify(request, serverDb(), { mode }).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 401) return { kind: "anonymous" as const };
    throw error;
  });
  if (caller.kind === "anonymous") redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(path)}`);
}
