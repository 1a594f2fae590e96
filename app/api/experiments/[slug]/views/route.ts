import { savedViewCreateSchema } from "@/lib/contracts/sharing";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { addSavedView, listSavedViews } from "@/lib/server/sharing/savedViews";
import { requestActor } from "@/lib/server/trash";
import { requireSameOrigin, requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/experiments/[slug]/views: the saved views, in deck order. */
export function GET(_request: Request, { params }: Context): Promise<Response> {
  return handle(async () => Response.json(await listSavedViews(serverReadDb(), await slugParam(params))));
}

/** POST /api/experiments/[slug]/views: saves a named view at the end of the deck (a write). */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    const slug = await slugParam(params);
    const body = await parseJsonBody(request, savedViewCreateSchema);
    return Response.json(await addSavedView(serverDb(), slug, body, requestActor()), { status: 201 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
