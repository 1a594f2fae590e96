import { shareDeleteSchema, sharePutSchema } from "@/lib/contracts/shares";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import {
  experimentShares,
  requireReadersManager,
  shareExperiment,
  unshareExperiment,
} from "@/lib/server/experimentShares";
import { handle, parseJsonBody } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/experiments/[slug]/shares: the experiment's visibility, owner and whom it is shared
 * with; for its owner and admins (write-guarded: who reads an experiment is its owner's business).
 */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const principal = await requireWriter(request, serverDb(), "editor");
    await requireReadersManager(serverDb(), principal, slug);
    return Response.json(await experimentShares(serverDb(), slug));
  });
}

/** PUT /api/experiments/[slug]/shares: shares it with a user `{email, role}` (or changes the role). */
export function PUT(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const principal = await requireWriter(request, serverDb(), "editor");
    const body = await parseJsonBody(request, sharePutSchema);
    await requireReadersManager(serverDb(), principal, slug);
    return Response.json(await shareExperiment(serverDb(), slug, body, actorOf(principal)));
  });
}

/** DELETE /api/experiments/[slug]/shares: stops sharing it with a user `{email}`. */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    const principal = await requireWriter(request, serverDb(), "editor");
    const { email } = await parseJsonBody(request, shareDeleteSchema);
    await requireReadersManager(serverDb(), principal, slug);
    return Response.json(await unshareExperiment(serverDb(), slug, email, actorOf(principal)));
  });
}

export const { POST, PATCH } = refuseOtherMethods(["GET", "PUT", "DELETE"]);
