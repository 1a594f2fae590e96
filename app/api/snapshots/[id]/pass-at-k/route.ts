import { passAtKQuerySchema } from "@/lib/contracts/scalingSchemas";
import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { pinnedCurves } from "@/lib/server/sharing/pinnedReads";
import { findSnapshot } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

/** GET /api/snapshots/[id]/pass-at-k: the live route's curves, from the pinned data. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const query = parseSearchParams(request, passAtKQuerySchema);
    const snapshot = await findSnapshot(serverReadDb(), id);
    return Response.json(await pinnedCurves(snapshot, { ...query, bands: query.bands === "1" }));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
