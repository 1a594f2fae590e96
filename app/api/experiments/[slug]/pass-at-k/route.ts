import { passAtKQuerySchema } from "@/lib/contracts/scalingSchemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { passAtKResponse } from "@/lib/server/scalingCurves";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const query = parseSearchParams(request, passAtKQuerySchema);
    const curves = await passAtKResponse(
      serverReadDb(),
      slug,
      { ...query, bands: query.bands === "1" },
      request.headers.get("if-none-match"),
    );
    if (!curves) throw new NotFoundError(`No experiment "${slug}".`);
    return storedResponse(curves);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
