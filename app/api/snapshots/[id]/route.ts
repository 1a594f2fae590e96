import { serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { findSnapshot, snapshotBody } from "@/lib/server/sharing/snapshots";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/snapshots/[id]: the pinned view with the data it was drawn from. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const snapshot = await findSnapshot(serverReadDb(), await snapshotIdParam(params));
    return new Response(snapshotBody(snapshot), { headers: { "content-type": "application/json" } });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
