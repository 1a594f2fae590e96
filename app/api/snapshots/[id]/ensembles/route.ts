import { ensembleRequestSchema } from "@/lib/contracts/scalingSchemas";
import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { pinnedEnsemble } from "@/lib/server/sharing/pinnedReads";
import { requireSameOrigin } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/** POST /api/snapshots/[id]/ensembles: the live route's evaluation, on the pinned matrix (a read). */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const body = await parseJsonBody(request, ensembleRequestSchema);
    return Response.json(await pinnedEnsemble(serverReadDb(), id, body));
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
