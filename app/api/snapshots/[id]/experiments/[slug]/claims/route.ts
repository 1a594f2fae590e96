import { claimsQuerySchema } from "@/lib/contracts/claimSchemas";
import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { pinnedStudyClaims } from "@/lib/server/sharing/pinnedReads";
import { findSnapshot } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

/**
 * GET /api/snapshots/[id]/experiments/[slug]/claims: the claims a study snapshot pinned for one of
 * its experiments, in the live claims route's shape.
 */
export function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; slug: string }> },
): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const slug = await slugParam(params);
    const query = parseSearchParams(request, claimsQuerySchema);
    const snapshot = await findSnapshot(serverReadDb(), id);
    return Response.json(pinnedStudyClaims(snapshot, slug, query));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
