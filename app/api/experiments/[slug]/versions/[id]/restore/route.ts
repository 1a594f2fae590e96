import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam, versionIdParam } from "@/lib/server/params";
import { restoreVersion } from "@/lib/server/versions";

export const dynamic = "force-dynamic";

/**
 * Makes an old version's checkpoints live again as a new version (the ones it leaves out are
 * retired, not deleted): an editor's write, like a replacing import; audited. A hidden experiment
 * is a 404, as for its reads.
 */
export function POST(
  request: Request,
  { params }: { params: Promise<{ slug: string; id: string }> },
): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const id = await versionIdParam(params);
    return Response.json(await restoreVersion(serverDb(), slug, id, actorOf(writer)));
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
