import { savedViewCreateSchema } from "@/lib/contracts/sharing";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { addSavedView, listSavedViews } from "@/lib/server/sharing/savedViews";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/experiments/[slug]/views: the saved views, in deck order. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    return Response.json(await listSavedViews(serverReadDb(), slug));
  });
}

/** POST /api/experiments/[slug]/views: saves a named view at the end of the deck (a write). */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const writer = await requireWriter(request, serverDb(), "editor");
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const body = await parseJsonBody(request, savedViewCreateSchema);
    return Response.json(await addSavedView(serverDb(), slug, body, actorOf(writer)), { status: 201 });
  });
}

export const { PUT, PATCH, DELETE } = refuseOtherMethods(["GET", "POST"]);
