import { experimentListQuerySchema } from "@/lib/contracts/experimentListQuery";
import { serverReadDb } from "@/lib/server/db";
import { experimentListResponse, getExperimentPage, isListQuery } from "@/lib/server/experiments";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/**
 * Every experiment (the stored array, with an ETag) or, with a filter, sort or `limit`, the
 * matching ones from indexed queries: `{total, items, nextCursor}` with `limit`, else an array.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseSearchParams(request, experimentListQuerySchema);
    if (!isListQuery(query)) {
      return storedResponse(
        await experimentListResponse(serverReadDb(), request.headers.get("if-none-match")),
      );
    }
    const page = await getExperimentPage(serverReadDb(), query);
    return Response.json(query.limit === undefined ? page.items : page);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
