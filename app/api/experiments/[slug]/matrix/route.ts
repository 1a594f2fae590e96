import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { getScalingMatrix } from "@/lib/server/scalingMatrix";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const matrix = await getScalingMatrix(serverDb(), slug);
    if (!matrix) throw new NotFoundError(`No experiment "${slug}".`);
    return Response.json(matrix);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
