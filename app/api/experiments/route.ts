import { serverDb } from "@/lib/server/db";
import { getExperimentList } from "@/lib/server/experiments";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handle(async () => Response.json(await getExperimentList(serverDb())));
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
