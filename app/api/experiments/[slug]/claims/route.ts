import { claimsQuerySchema } from "@/lib/contracts/claimSchemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { readClaims } from "@/lib/server/claims";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/**
 * The research's claims tested on one slice of the experiment's current version (ETag: version,
 * slice, margin and axes). `margin`: flat-solve-rate's equivalence margin in points; `x`, `y`: the
 * axes of extrapolation-extends.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const query = parseSearchParams(request, claimsQuerySchema);
    const response = await readClaims(serverReadDb(), slug, query, request.headers.get("if-none-match"));
    if (!response) throw new NotFoundError(`No experiment "${slug}".`);
    return response;
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
