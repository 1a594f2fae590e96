import { savedViewOrderSchema } from "@/lib/contracts/sharing";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { reorderViews } from "@/lib/server/sharing/savedViews";

export const dynamic = "force-dynamic";

/** PUT /api/experiments/[slug]/views/order: every saved view's id in the new deck order (a write). */
export function PUT(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const { ids } = await parseJsonBody(request, savedViewOrderSchema);
    return Response.json(await reorderViews(serverDb(), slug, ids, actorOf(writer)));
  });
}

export const { GET, POST, PATCH, DELETE } = refuseOtherMethods(["PUT"]);
