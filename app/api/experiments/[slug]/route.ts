import { experimentMetadataPatchSchema } from "@/lib/formats/experimentMetadata";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { changeExperimentMetadata } from "@/lib/server/experimentMetadata";
import { requireReadersManager } from "@/lib/server/experimentShares";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { READS } from "@/lib/server/statistics/read";
import { storedReadRoute } from "@/lib/server/statistics/storedReadRoute";
import { trashForRequest } from "@/lib/server/trash";

export const dynamic = "force-dynamic";

/** The experiment's per-checkpoint scores, as stored for its current version (ETag: the version). */
export const GET = storedReadRoute(READS.detail);

/**
 * Changes the experiment's metadata (name, description, benchmark, setting, model, endpoint labels
 * and model references) and who may read it (`visibility`: its owner or an admin): write-guarded
 * like imports; answers the new header with its version.
 */
export function PATCH(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> {
  return handle(async () => {
    const principal = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    const patch = await parseJsonBody(request, experimentMetadataPatchSchema);
    // Who may change the data may do it to what they may read; who reads it is its owner's call.
    if (patch.visibility !== undefined) await requireReadersManager(serverDb(), principal, slug);
    else await requireReaderOf(request, serverDb(), slug);
    const changed = await changeExperimentMetadata(serverDb(), slug, patch, actorOf(principal));
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
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    return Response.json(await trashForRequest(serverDb(), slug, actorOf(writer)));
  });
}

export const { POST, PUT } = refuseOtherMethods(["GET", "PATCH", "DELETE"]);
