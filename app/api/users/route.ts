import { userPutSchema } from "@/lib/contracts/accounts";
import { listUsers } from "@/lib/db/queries/users";
import { putUserRecorded } from "@/lib/server/auth/accounts";
import { actorOf } from "@/lib/server/auth/actor";
import { requireTeamUser } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** GET /api/users: the team server's users (admins). */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await requireTeamUser(request, serverDb(), "admin", "read");
    return Response.json(await listUsers(serverDb()));
  });
}

/** POST /api/users: adds a user, or sets the role of the one with this e-mail (admins). */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const admin = await requireTeamUser(request, serverDb(), "admin", "write");
    const body = await parseJsonBody(request, userPutSchema);
    const { user, change } = await putUserRecorded(serverDb(), body, actorOf(admin));
    return Response.json(user, { status: change === "added" ? 201 : 200 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
