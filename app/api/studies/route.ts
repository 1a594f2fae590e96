import { requestReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { getStudyList } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** Every study that groups at least one experiment, by name. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { scope } = await requestReader(request, serverDb());
    return Response.json(await getStudyList(serverReadDb(), scope));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
