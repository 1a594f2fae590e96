import { requestReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { getStudy } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** The study's experiments and the grid of settings × model scales they make. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params, "study");
    const { scope } = await requestReader(request, serverDb());
    return Response.json(await getStudy(serverReadDb(), slug, scope));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
