import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { forgetPinnedMatrix } from "@/lib/server/sharing/pinnedReads";
import { findSnapshot, removeSnapshot, snapshotBody } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/snapshots/[id]: the pinned view with the data it was drawn from. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const snapshot = await findSnapshot(serverReadDb(), id);
    return new Response(snapshotBody(snapshot), { headers: { "content-type": "application/json" } });
  });
}

/**
 * DELETE /api/snapshots/[id]: removes a pinned snapshot; 204. Whoever may write may delete
 * (docs/security.md, "Who may write": one write token, so every writer is an editor).
 */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const id = await snapshotIdParam(params);
    await removeSnapshot(serverDb(), id, actorOf(writer));
    forgetPinnedMatrix(id);
    return new Response(null, { status: 204 });
  });
}

export const { POST, PUT, PATCH } = refuseOtherMethods(["GET", "DELETE"]);
