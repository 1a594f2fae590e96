import { accountIdPath, userPatchSchema } from "@/lib/contracts/accounts";
import {
  putUserRecorded,
  refuseSelfChange,
  removeUserRecorded,
  userForRequest,
} from "@/lib/server/auth/accounts";
import { actorOf } from "@/lib/server/auth/actor";
import { requireTeamUser } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody, parseWith } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/users/<id>: changes a user's role (admins; not their own). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const admin = await requireTeamUser(request, serverDb(), "admin", "write");
    const { id } = parseWith(accountIdPath, await params, "path parameter");
    const { role } = await parseJsonBody(request, userPatchSchema);
    const user = await userForRequest(serverDb(), id);
    refuseSelfChange(admin, user);
    return Response.json(
      (await putUserRecorded(serverDb(), { email: user.email, role }, actorOf(admin))).user,
    );
  });
}

/** DELETE /api/users/<id>: removes a user and their tokens (admins; not themself). */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const admin = await requireTeamUser(request, serverDb(), "admin", "write");
    const { id } = parseWith(accountIdPath, await params, "path parameter");
    const user = await userForRequest(serverDb(), id);
    refuseSelfChange(admin, user);
    await removeUserRecorded(serverDb(), user.email, actorOf(admin));
    return new Response(null, { status: 204 });
  });
}

export const { GET, POST, PUT } = refuseOtherMethods(["PATCH", "DELETE"]);
