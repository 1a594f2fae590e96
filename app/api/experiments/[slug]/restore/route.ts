import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { restoreForRequest } from "@/lib/server/trash";

export const dynamic = "force-dynamic";

/** Brings a deleted experiment back from the trash, as it was: an admin's write on a team server. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const admin = await requireWriter(request, serverDb(), "admin");
    const slug = await slugParam(params);
    return Response.json(await restoreForRequest(serverDb(), slug, actorOf(admin)));
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
