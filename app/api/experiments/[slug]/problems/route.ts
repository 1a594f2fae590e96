import { problemChangesQuerySchema } from "@/lib/contracts/problemSchemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { problemChangesResponse } from "@/lib/server/problemChanges";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/** The problems gained and lost between two evaluated α, sorted by the change in pass rate. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const query = parseSearchParams(request, problemChangesQuerySchema);
    const page = await problemChangesResponse(
      serverReadDb(),
      slug,
      query,
      request.headers.get("if-none-match"),
    );
    if (!page) throw new NotFoundError(`No experiment "${slug}".`);
    return storedResponse(page);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
