import { savedViewRenameSchema } from "@/lib/contracts/sharing";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { savedViewIdParam } from "@/lib/server/sharing/params";
import { removeView, renameView } from "@/lib/server/sharing/savedViews";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; id: string }> };

/** PATCH /api/experiments/[slug]/views/[id]: renames a saved view (a write). */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const id = await savedViewIdParam(params);
    const { name } = await parseJsonBody(request, savedViewRenameSchema);
    return Response.json(await renameView(serverDb(), slug, id, name, actorOf(writer)));
  });
}

/** DELETE /api/experiments/[slug]/views/[id]: removes a saved view from the deck (a write). */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    await removeView(serverDb(), slug, await savedViewIdParam(params), actorOf(writer));
    return new Response(null, { status: 204 });
  });
}

export const { GET, POST, PUT } = refuseOtherMethods(["PATCH", "DELETE"]);
