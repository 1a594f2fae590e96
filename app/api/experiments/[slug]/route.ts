import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { getExperimentDetail } from "@/lib/server/experiments";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const detail = await getExperimentDetail(serverDb(), slug);
    if (!detail) throw new NotFoundError(`No experiment "${slug}".`);
    return Response.json(detail);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
