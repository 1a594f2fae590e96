import { snapshotCreateSchema } from "@/lib/contracts/sharing";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireSnapshotRate } from "@/lib/server/sharing/snapshotLimits";
import { createSnapshot } from "@/lib/server/sharing/snapshots";
import { requestActor } from "@/lib/server/trash";
import { requireSameOrigin, requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/**
 * POST /api/snapshots: pins a view of an experiment behind a short link (a write, guarded like
 * imports; 429 past the client's rate, checked before anything is read; 507 past the total quota).
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    requireSnapshotRate(request);
    const body = await parseJsonBody(request, snapshotCreateSchema);
    return Response.json(await createSnapshot(serverDb(), body, requestActor()), { status: 201 });
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
