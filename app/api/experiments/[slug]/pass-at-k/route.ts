import { passAtKQuerySchema } from "@/lib/api/scalingSchemas";
import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { getPassAtKCurves } from "@/lib/server/scalingCurves";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const query = parseSearchParams(request, passAtKQuerySchema);
    const curves = await getPassAtKCurves(serverDb(), slug, { ...query, bands: query.bands === "1" });
    if (!curves) throw new NotFoundError(`No experiment "${slug}".`);
    return Response.json(curves);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
