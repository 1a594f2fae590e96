import { requireSignIn, signOut } from "@/lib/server/auth/signIn";
import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireSameOrigin } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/**
 * Signs out: ends the session and deletes its cookie, then sends the browser home (the header's
 * "Sign out" is a plain form). Same-origin only, so no other site can sign anyone out.
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireSignIn();
    requireSameOrigin(request);
    const cookie = await signOut(request, serverDb());
    return new Response(null, {
      status: 303,
      headers: { location: "/", "set-cookie": cookie, "cache-control": "no-store" },
    });
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
