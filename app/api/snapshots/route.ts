import { snapshotCreateSchema } from "@/lib/contracts/sharing";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf, requireReaderOfStudy } from "@/lib/server/auth/visibility";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireSnapshotRate } from "@/lib/server/sharing/snapshotLimits";
import { createSnapshot } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

/**
 * POST /api/snapshots: pins a view of an experiment behind a short link (a write, guarded like
 * imports; 429 past the client's rate, checked before anything is read; 507 past the total quota).
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    requireSnapshotRate(request);
    const body = await parseJsonBody(request, snapshotCreateSchema);
    // Pinning reads what it pins: only for one who may read it (a study: every experiment of it).
    if (body.page === "study") await requireReaderOfStudy(request, serverDb(), body.study);
    else await requireReaderOf(request, serverDb(), body.experiment);
    return Response.json(await createSnapshot(serverDb(), body, actorOf(writer)), { status: 201 });
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
