import { claimsQuerySchema } from "@/lib/contracts/claimSchemas";
import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { pinnedClaims } from "@/lib/server/sharing/pinnedReads";
import { findSnapshot } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

/** GET /api/snapshots/[id]/claims: the live route's claims, from what the explorer snapshot pinned. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const query = parseSearchParams(request, claimsQuerySchema);
    const snapshot = await findSnapshot(serverReadDb(), id);
    return Response.json(pinnedClaims(snapshot, query));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
