import { experimentMetadataPatchSchema } from "@/lib/formats/experimentMetadata";
import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { changeExperimentMetadata } from "@/lib/server/experimentMetadata";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";
import { requestActor, trashForRequest } from "@/lib/server/trash";
import { requireSameOrigin, requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/** The experiment's per-checkpoint scores, as stored for its current version (ETag: the version). */
export const GET = storedReadRoute(READS.detail);

/**
 * Changes the experiment's metadata (name, description, benchmark, setting, model, endpoint labels
 * and model references): write-guarded like imports; answers the new header with its version.
 */
export function PATCH(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    const slug = await slugParam(params);
    const patch = await parseJsonBody(request, experimentMetadataPatchSchema);
    const changed = await changeExperimentMetadata(serverDb(), slug, patch, requestActor());
    if (!changed) throw new NotFoundError(`No experiment "${slug}".`);
    return Response.json(changed);
  });
}

/**
 * Moves the experiment to the trash (docs/security.md): every read stops showing it, its slug stays
 * reserved, and POST …/restore brings it back until the purge job deletes it after
 * ALPHASCOPE_TRASH_DAYS. Write-guarded like imports.
 */
export function DELETE(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    const slug = await slugParam(params);
    return Response.json(await trashForRequest(serverDb(), slug));
  });
}

export const { POST, PUT } = refuseOtherMethods(["GET", "PATCH", "DELETE"]);
