import { serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { getStudy } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** The study's experiments and the grid of settings × model scales they make. */
export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => Response.json(await getStudy(serverReadDb(), await slugParam(params, "study"))));
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
