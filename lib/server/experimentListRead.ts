import { experimentListQuerySchema } from "../contracts/experimentListQuery";
import { requestReader } from "./auth/visibility";
import { serverDb, serverReadDb } from "./db";
import { cachedExperimentPage } from "./experimentPageCache";
import { experimentListResponse, isListQuery } from "./experiments";
import { handle, parseSearchParams } from "./http";
import { type StoredResponse, storedResponse } from "./statistics/read";

/**
 * GET /api/experiments: every experiment (the stored array) or, with a filter, sort or `limit`, the
 * matching ones from indexed queries: `{total, items, nextCursor}` with `limit`, else an array,
 * encoded once per data version and reader (see cachedExperimentPage), with an ETag. With sign-in
 * on, only those the caller may read, filtered in the query (so `total` and the cursors count only
 * them); the stored array holds every experiment, so it serves only callers who read them all.
 * One function for the route (app/api/experiments/route.ts) and for scripts/serve.ts, which answers
 * the list itself, ahead of Next's router (docs/performance.md, "The list API ahead of Next").
 */
export function experimentListAnswer(request: Request): Promise<Response> {
  return handle(async () => storedResponse(await experimentListRead(request)));
}

/** The answer of {@link experimentListAnswer} before it is a Response; throws what that turns into an error. */
export async function experimentListRead(request: Request): Promise<StoredResponse> {
  const query = parseSearchParams(request, experimentListQuerySchema);
  const { scope } = await requestReader(request, serverDb());
  const ifNoneMatch = request.headers.get("if-none-match");
  if (scope.kind === "all" && !isListQuery(query)) return experimentListResponse(serverReadDb(), ifNoneMatch);
  return cachedExperimentPage(serverReadDb(), query, scope, ifNoneMatch);
}

/** Whether a request is a read of the experiment list (GET or HEAD of /api/experiments, any query). */
export function isExperimentListRead(method: string, url: string): boolean {
  return (method === "GET" || method === "HEAD") && url.split("?")[0] === "/api/experiments";
}
