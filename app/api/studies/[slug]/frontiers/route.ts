import { requestReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { storedResponse } from "@/lib/server/statistics/read";
import { studyFrontiersResponse } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** The study's experiments' frontiers in the grid's order (ETag: their versions). */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params, "study");
    const { scope } = await requestReader(request, serverDb());
    return storedResponse(
      await studyFrontiersResponse(serverReadDb(), slug, request.headers.get("if-none-match"), scope),
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
