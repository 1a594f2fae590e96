import { accountIdPath } from "@/lib/contracts/accounts";
import { revokeTokenForRequest } from "@/lib/server/auth/accounts";
import { requireTeamUser } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { handle, parseWith } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** DELETE /api/tokens/<id>: revokes one of the caller's tokens (an admin: anyone's); answers it. */
export function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const caller = await requireTeamUser(request, serverDb(), "viewer", "write");
    const { id } = parseWith(accountIdPath, await params, "path parameter");
    return Response.json(await revokeTokenForRequest(serverDb(), caller, id));
  });
}

export const { GET, POST, PUT, PATCH } = refuseOtherMethods(["DELETE"]);
