import { finishSignIn, SignInError } from "@/lib/server/auth/oidc";
import { oidcSettings } from "@/lib/server/auth/oidcSettings";
import { SIGN_IN_PATH } from "@/lib/server/auth/paths";
import { requireSignIn } from "@/lib/server/auth/signIn";
import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * Where the OpenID provider sends the browser back: on success a session cookie and a redirect to
 * where the sign-in started; on failure a redirect to the sign-in page saying why.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    if (requireSignIn() !== "oidc")
      throw new NotFoundError("This server does not sign in through a provider.");
    const settings = oidcSettings();
    const headers = new Headers({ "cache-control": "no-store" });
    try {
      const { next, cookies } = await finishSignIn(serverDb(), settings, request);
      for (const cookie of cookies) headers.append("set-cookie", cookie);
      headers.set("location", `${settings.publicOrigin}${next}`);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      console.warn(`Sign-in failed (${error.code}): ${error.message}`);
      headers.set("location", `${settings.publicOrigin}${SIGN_IN_PATH}?error=${error.code}`);
    }
    return new Response(null, { status: 303, headers });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
