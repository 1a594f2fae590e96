import { serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { READS, readStoredResponse, storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/** Per-problem n and pass of every checkpoint, as stored for the current version. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const stored = await readStoredResponse(
      serverReadDb(),
      slug,
      READS.matrix,
      request.headers.get("if-none-match"),
    );
    if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
    return storedResponse(stored);
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
