import { serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { getStudyList } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** Every study that groups at least one experiment, by name. */
export function GET(): Promise<Response> {
  return handle(async () => Response.json(await getStudyList(serverReadDb())));
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
