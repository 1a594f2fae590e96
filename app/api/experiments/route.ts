import { experimentListQuerySchema } from "@/lib/contracts/experimentListQuery";
import { requestReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { cachedExperimentPage } from "@/lib/server/experimentPageCache";
import { experimentListResponse, isListQuery } from "@/lib/server/experiments";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/**
 * Every experiment (the stored array, with an ETag) or, with a filter, sort or `limit`, the
 * matching ones from indexed queries: `{total, items, nextCursor}` with `limit`, else an array,
 * encoded once per data version and reader (see cachedExperimentPage) and served with an ETag.
 * With sign-in on, only those the caller may read, filtered in the query (so `total` and the
 * cursors count only them); the stored array holds every experiment, so it serves only callers who
 * read them all.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseSearchParams(request, experimentListQuerySchema);
    const { scope } = await requestReader(request, serverDb());
    if (scope.kind === "all" && !isListQuery(query)) {
      return storedResponse(
        await experimentListResponse(serverReadDb(), request.headers.get("if-none-match")),
      );
    }
    return storedResponse(
      await cachedExperimentPage(serverReadDb(), query, scope, request.headers.get("if-none-match")),
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
