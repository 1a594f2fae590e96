import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam, versionIdParam } from "@/lib/server/params";
import { requestActor } from "@/lib/server/trash";
import { restoreVersion } from "@/lib/server/versions";
import { requireSameOrigin, requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/**
 * Makes an old version's checkpoints live again as a new version (the ones it leaves out are
 * retired, not deleted): write-guarded like imports, audited.
 */
export function POST(
  request: Request,
  { params }: { params: Promise<{ slug: string; id: string }> },
): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    const slug = await slugParam(params);
    const id = await versionIdParam(params);
    return Response.json(await restoreVersion(serverDb(), slug, id, requestActor()));
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
