import { tokenSignInSchema } from "@/lib/contracts/auth";
import { requireSignIn, tokenSignIn } from "@/lib/server/auth/signIn";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireSameOrigin } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/**
 * Signs a browser in with a personal token (the sign-in page's form on an ALPHASCOPE_AUTH=tokens
 * server): a session cookie for the token's user, with the token's scope. Same-origin only, so no
 * other site can sign a visitor in as someone else (login CSRF).
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireSignIn();
    requireSameOrigin(request);
    const body = await parseJsonBody(request, tokenSignInSchema);
    const { user, next, cookie } = await tokenSignIn(serverDb(), body);
    return Response.json({ user, next }, { headers: { "set-cookie": cookie, "cache-control": "no-store" } });
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
