import { serverDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { restoreForRequest } from "@/lib/server/trash";
import { requireSameOrigin, requireWriteAccess } from "@/lib/server/writeGuard";

export const dynamic = "force-dynamic";

/** Brings a deleted experiment back from the trash, as it was: write-guarded like the delete. */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    requireSameOrigin(request);
    requireWriteAccess(request);
    const slug = await slugParam(params);
    return Response.json(await restoreForRequest(serverDb(), slug));
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
