import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { pinnedStudy } from "@/lib/server/sharing/pinnedReads";
import { findSnapshot } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

/** GET /api/snapshots/[id]/study: a study snapshot's grid as pinned (GET /api/studies/<slug>'s shape). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const snapshot = await findSnapshot(serverReadDb(), id);
    return Response.json(pinnedStudy(snapshot));
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
