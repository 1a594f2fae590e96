import { tokenCreateSchema, tokenQuerySchema } from "@/lib/contracts/accounts";
import { createTokenForRequest, tokensOf } from "@/lib/server/auth/accounts";
import { requireTeamUser } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** GET /api/tokens: the caller's personal tokens (an admin may ask for `?user=<email>`'s). */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const caller = await requireTeamUser(request, serverDb(), "viewer", "read");
    const { user } = parseSearchParams(request, tokenQuerySchema);
    return Response.json(await tokensOf(serverDb(), caller, user));
  });
}

/** POST /api/tokens: a new token for the caller (an admin may name `user`); its secret is answered once. */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const caller = await requireTeamUser(request, serverDb(), "viewer", "write");
    const body = await parseJsonBody(request, tokenCreateSchema);
    return Response.json(await createTokenForRequest(serverDb(), caller, body), { status: 201 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
