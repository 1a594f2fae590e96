import { frontierQuerySchema } from "@/lib/contracts/schemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { readFrontier } from "@/lib/server/statistics/frontierRead";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/**
 * The explorer's data: "ready" with intervals, or "computing" with the points alone (ETag: version,
 * which, and the Pareto axes when not the defaults). `x`, `y`: the axes of each slice's Pareto set;
 * `collapsed=include` lets collapsed checkpoints compete.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const query = parseSearchParams(request, frontierQuerySchema);
    const stored = await readFrontier(serverReadDb(), slug, query, request.headers.get("if-none-match"));
    if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
    return storedResponse(stored);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
