import { ensembleRequestSchema } from "@/lib/contracts/scalingSchemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { evaluateEnsembleOffThread } from "@/lib/server/ensembles";
import { NotFoundError } from "@/lib/server/errors";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { requireSameOrigin } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const body = await parseJsonBody(request, ensembleRequestSchema);
    const evaluation = await evaluateEnsembleOffThread(serverReadDb(), slug, body);
    if (!evaluation) throw new NotFoundError(`No experiment "${slug}".`);
    return Response.json(evaluation);
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
