import { startSignIn } from "@/lib/server/auth/oidc";
import { oidcSettings } from "@/lib/server/auth/oidcSettings";
import { requireSignIn } from "@/lib/server/auth/signIn";
import { NotFoundError } from "@/lib/server/errors";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/**
 * Starts a sign-in through the OpenID provider (ALPHASCOPE_AUTH=oidc): a redirect to its
 * authorization endpoint, with the flow cookie; `next` (a path of this server) is where the
 * callback goes afterwards.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    if (requireSignIn() !== "oidc")
      throw new NotFoundError("This server signs in with personal tokens only (/signin).");
    const next = new URL(request.url).searchParams.get("next");
    const { location, cookie } = await startSignIn(oidcSettings(), next);
    return new Response(null, {
      status: 302,
      headers: { location, "set-cookie": cookie, "cache-control": "no-store" },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
