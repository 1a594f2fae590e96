import { frontierQuerySchema } from "@/lib/contracts/schemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam, versionIdParam } from "@/lib/server/params";
import { readFrontier } from "@/lib/server/statistics/frontierRead";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/**
 * One version's frontier, read-only: the same answer as GET …/frontier?version=<id>, under a path
 * the explorer page of an old version reads its data from (as a snapshot's page reads its own).
 */
export function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; id: string }> },
): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const version = await versionIdParam(params);
    const query = parseSearchParams(request, frontierQuerySchema.omit({ version: true }));
    const stored = await readFrontier(
      serverReadDb(),
      slug,
      { ...query, version },
      request.headers.get("if-none-match"),
    );
    if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
    return storedResponse(stored);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
