import { requireSnapshotReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { snapshotIdParam } from "@/lib/server/sharing/params";
import { bundleName, bundleZip, snapshotBundleData } from "@/lib/server/staticBundle";

export const dynamic = "force-dynamic";

/**
 * GET /api/snapshots/[id]/bundle: a zip of the static copy of a pinned explorer view (the folder
 * `alphascope bundle <id>` writes), which opens from disk with no server and no network.
 */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const id = await snapshotIdParam(params);
    await requireSnapshotReader(request, serverDb(), id);
    const bundle = await snapshotBundleData(serverReadDb(), id);
    const zip = await bundleZip(bundle);
    return new Response(new Uint8Array(zip), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${bundleName(bundle)}.zip"`,
        // A snapshot never changes; a deleted one must not live on in a cache.
        "cache-control": "private, max-age=3600",
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
