import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { listVersions } from "@/lib/server/versions";

export const dynamic = "force-dynamic";

/** The experiment's versions, newest first: who made each, what changed, which one is current. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    return Response.json(await listVersions(serverReadDb(), slug), {
      headers: { "cache-control": "no-store" },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
