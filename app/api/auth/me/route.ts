import { whoAmI } from "@/lib/server/auth/signIn";
import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** Who the request comes from (null when anonymous, or on a server without sign-in), and the mode. */
export function GET(request: Request): Promise<Response> {
  return handle(async () =>
    Response.json(await whoAmI(request, serverDb()), { headers: { "cache-control": "no-store" } }),
  );
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
